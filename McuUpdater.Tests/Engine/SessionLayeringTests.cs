using System;
using System.IO;
using System.Text;
using McuUpdater.Application;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Application;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>The session's edges as design.md draws them: a journal interface, outcomes as values, one read of the image before the module is touched, internal errors named as such.</summary>
    [TestClass]
    public class SessionLayeringTests
    {
        private const string PackagePath = "D:\\fw\\module.pkg";

        [TestMethod]
        public void Session_KeepsAnyJournalThroughItsInterface()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            RecordingJournal journal = new RecordingJournal(rig.Power);
            rig.Session.Journal = journal;
            rig.UpdateAndCheck(EngineRig.Image(3000, 81), "with a recording journal");
            Assert.AreEqual(2, journal.Calls.Count, "pending, then done");
            Assert.AreEqual("pending@0", (string)journal.Calls[0], "pending before any power call");
            Assert.IsTrue(((string)journal.Calls[1]).IndexOf("done:" + ((int)UpdateOutcome.Success).ToString() + "@") == 0, "done with the success value: " + journal.Calls[1]);

            EngineRig failing = new EngineRig(EngineRig.Simulator(0, 1024), new FaultPlan(82).StatusAt(1, Status.FlashError).StatusAt(1, Status.FlashError), null);
            failing.Options.MaxRestarts = 1;
            RecordingJournal second = new RecordingJournal(failing.Power);
            failing.Session.Journal = second;
            EngineRig.ExpectOutcome(UpdateOutcome.FlashErrorPersisted, failing.Update(EngineRig.Image(3000, 83)), "flash keeps failing");
            Assert.IsTrue(((string)second.Calls[1]).IndexOf("failure:" + ((int)UpdateOutcome.FlashErrorPersisted).ToString() + "@") == 0, "the failure's value: " + second.Calls[1]);
        }

        [TestMethod]
        public void Decision_AlreadyInstalledComesFromTheStoredValue()
        {
            byte[] image = EngineRig.Image(2000, 84);
            UpdaterSettings settings = new UpdaterSettings();
            settings.ImagePath = "D:\\fw\\m.bin";
            BinImage verified = new BinImage(new MemoryStream(image), settings.ImagePath);
            verified.Verify(null);

            MemoryJournalStore store = new MemoryJournalStore();
            UpdateJournal journal = new UpdateJournal(store);
            journal.MarkPending(verified.Name, verified.Length, verified.Version, verified.Crc16);
            journal.MarkDone((int)UpdateOutcome.Success);
            Assert.AreEqual((int)FieldAction.UpToDate, (int)FieldDecision.Make(settings, new UpdateJournal(store), verified, false).Action, "the stored success value");

            // A record whose outcome field is the word, not the value, is not taken for an install.
            MemoryJournalStore legacy = new MemoryJournalStore();
            string body = "MUJ2|7|0|1|" + verified.Length.ToString() + "||Success|" + verified.Crc16.ToString() + "|" + verified.Name + "|";
            byte[] record = new byte[body.Length + 5];
            Encoding.UTF8.GetBytes(body, 0, body.Length, record, 0);
            string crc = Crc16Xmodem.Compute(record, 0, body.Length).ToString("X4");
            Encoding.UTF8.GetBytes(crc + "\n", 0, 5, record, body.Length);
            legacy.Write(0, record, record.Length);
            UpdateJournal old = new UpdateJournal(legacy);
            Assert.AreEqual(0, old.CorruptSlots, "the record itself is valid");
            Assert.AreEqual(UpdateJournal.UnknownOutcome, old.LastOutcome, "its outcome is no value");
            Assert.AreEqual("Success", old.LastOutcomeText, "the text is kept for display");
            Assert.AreEqual("\"Success\"", OutcomeNames.OfJournal(old), "and shown as stored");
            FieldDecision d = FieldDecision.Make(settings, old, verified, false);
            Assert.AreEqual((int)FieldAction.Install, (int)d.Action, d.Reason);
        }

        [TestMethod]
        public void FieldUpdater_ReadsTheImageOnceBeforeTheModuleIsTouched()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(6000, 85), EngineRig.NewVersion);
            ReadCounter counter = new ReadCounter();
            CountingDeviceStorage storage = new CountingDeviceStorage(PackagePath, package, counter);
            UpdaterSettings settings = new UpdaterSettings();
            settings.ImagePath = PackagePath;
            settings.ExpectedVersion = EngineRig.NewVersion;
            settings.MaxBlockSize = 8212;
            ReadCountingPower power = new ReadCountingPower(rig.Power, counter);
            FieldReport report = new FieldUpdater(settings, storage, new UpdateJournal(new MemoryJournalStore()), rig.Wire.HostLink, power, rig.Wire.Clock).Run();
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Result, "installed");
            // Once whole, plus the few bytes ImageFormat reads to tell a package from a BIN.
            Assert.IsTrue(counter.AtFirstPowerCall >= package.Length && counter.AtFirstPowerCall < package.Length + 64, "the package was read once before the first power call: " + counter.AtFirstPowerCall.ToString() + " bytes of " + package.Length.ToString());
        }

        [TestMethod]
        public void Session_StillRefusesAnImageNobodyShowedValid()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(3000, 86), EngineRig.NewVersion);
            package[package.Length - 3] ^= 0x10;
            EngineRig.ExpectOutcome(UpdateOutcome.ImageRejected, rig.Session.Run(new QuecFotaPackage(new MemoryStream(package), "bad.pkg")), "never verified, corrupt");
            Assert.AreEqual(0, rig.Power.Calls, "the module was not touched");

            // Verified once without a version, then handed to a session that expects another one.
            QuecFotaPackage good = new QuecFotaPackage(new MemoryStream(QuecFotaPackageWriter.Build(EngineRig.Image(3000, 87), "OTHER01")), "other.pkg");
            good.Verify(null);
            UpdateResult r = rig.Session.Run(good);
            EngineRig.ExpectOutcome(UpdateOutcome.ImageRejected, r, "the session's expected version is still checked");
            Assert.IsTrue(r.Detail.IndexOf("OTHER01") >= 0, r.Detail);
            Assert.AreEqual(0, rig.Power.Calls, "the module was not touched");
        }

        [TestMethod]
        public void Session_AnExceptionThatIsNotTheLinkIsAnInternalError()
        {
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            CountingPower power = new CountingPower(wire.Power);
            ThrowingLink buggy = new ThrowingLink(wire.HostLink, 3000, new NullReferenceException("a bug below the session"));
            UpdateResult r = new UpdateSession(buggy, power, wire.Clock, EngineRig.DefaultsFor(1024)).Run(new BinImage(new MemoryStream(EngineRig.Image(20000, 88)), "b.bin"));
            EngineRig.ExpectOutcome(UpdateOutcome.InternalError, r, "a bug");
            Assert.IsTrue(r.Detail.IndexOf("NullReferenceException") >= 0, "names the exception: " + r.Detail);
            Assert.IsTrue(r.Detail.IndexOf("serial port") < 0, "does not blame the port: " + r.Detail);
            Assert.AreEqual(1, power.Releases, "pins released all the same");

            ModuleSimulator module2 = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire2 = new VirtualWire(module2);
            ThrowingLink unplugged = new ThrowingLink(wire2.HostLink, 3000, new IOException("port unplugged"));
            UpdateResult r2 = new UpdateSession(unplugged, wire2.Power, wire2.Clock, EngineRig.DefaultsFor(1024)).Run(new BinImage(new MemoryStream(EngineRig.Image(20000, 88)), "b.bin"));
            EngineRig.ExpectOutcome(UpdateOutcome.LinkError, r2, "the port went away");
        }
    }
}
