using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>The AT version check after RUN on a noisy line: noise inside the AT+GMR answer, idle-line noise before the host's commands.</summary>
    [TestClass]
    public class VersionCheckNoiseTests
    {
        private const string OtherVersion = "M10ER01A09W32";

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Version_NoiseByteInsideGmrAnswerIsReadAgain(int variant)
        {
            FaultPlan faults = new FaultPlan(31);
            faults.GmrAnswerNoise = 1;
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 1024), faults, null);
            UpdateResult r = rig.UpdateAndCheck(EngineRig.Image(3000, 31), "one noisy AT+GMR answer");
            Assert.AreEqual(1, faults.GmrAnswerNoiseFired, "the noise was in an answer");
        }

        [TestMethod]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        public void Version_IdleNoiseBeforeEveryAtCommandStillReadsTheVersion(int variant, int sendAte0)
        {
            FaultPlan faults = new FaultPlan(32);
            faults.NoiseBeforeAtCommands = 1000000;
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 1024), faults, null);
            rig.Options.SendAte0 = sendAte0 == 1;
            UpdateResult r = rig.UpdateAndCheck(EngineRig.Image(3000, 32), "noise before every AT command");
            Assert.IsTrue(faults.NoiseBeforeAtCommandsFired >= 2, "noise landed before the commands");

            // The module needs 1.5 s to boot; re-synchronising must not cost a boot timeout.
            Assert.IsTrue(r.ElapsedMs < 10000, "no long wait: " + r.ElapsedMs.ToString() + " ms");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Version_MismatchNamesTheVersionTheModuleReportsConsistently(int variant)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            sim.NewFirmwareVersion = OtherVersion;
            FaultPlan faults = new FaultPlan(33);
            faults.GmrAnswerNoise = 2;
            EngineRig rig = new EngineRig(sim, faults, null);
            UpdateResult r = rig.Update(EngineRig.Image(3000, 33));
            EngineRig.ExpectOutcome(UpdateOutcome.VersionMismatch, r, "another version, read through noise");
            Assert.AreEqual(OtherVersion, r.FirmwareVersion, "the version the module really reports, not a noisy read");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Version_TwoAnswersSpoiltAlikeDoNotOutvoteTheRightOne(int variant)
        {
            // Found by the fault campaign (seed 6877): two answers with the same noise byte in the
            // same place agreed on a version the module never reported.
            FaultPlan faults = new FaultPlan(35);
            faults.GmrAnswerNoise = 2;
            faults.GmrAnswerNoiseRepeats = true;
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 1024), faults, null);
            rig.UpdateAndCheck(EngineRig.Image(3000, 35), "two answers spoilt alike, then clean ones");
            Assert.AreEqual(2, faults.GmrAnswerNoiseFired, "both noisy answers were read");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Version_NoiseInEveryAnswerIsNoMismatch(int variant)
        {
            FaultPlan faults = new FaultPlan(34);
            faults.GmrAnswerNoise = 1000000;
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 1024), faults, null);
            UpdateResult r = rig.Update(EngineRig.Image(3000, 34));
            EngineRig.ExpectOutcome(UpdateOutcome.FirmwareSilent, r, "never two equal answers");
            Assert.IsTrue(r.Detail.IndexOf("AT+GMR") >= 0, "detail names AT+GMR: " + r.Detail);
            Assert.IsTrue(rig.Module.ImageMatches(EngineRig.Image(3000, 34)), "the image itself is right");
        }
    }
}
