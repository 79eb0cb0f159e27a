using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Faults together, seeded: every run ends with a byte-exact image, for both ROM variants.</summary>
    [TestClass]
    public class UpdateCombinedFaultTests
    {
        [TestMethod]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        [DataRow(0, 3)]
        [DataRow(1, 3)]
        public void Update_SurvivesEveryFaultAtOnce(int variant, int seed)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            byte[] image = EngineRig.Image((12 * 1012) + 77, (uint)seed);
            sim.ExpectedImageSize = image.Length;
            FaultPlan faults = new FaultPlan((uint)seed);
            faults.MissBootWindows = 1;
            faults.StatusAt(1, Status.CrcError)
                .StatusAt(2, Status.PackageError)
                .SilenceAt(3)
                .WrongNextAt(5, 2)
                .SlowAt(6, 3200)
                .StatusAt(8, Status.FlashError)
                .PowerLossAt(9)
                .StatusAt(10, Status.CrcError)
                .WrongNextAt(11, 9);
            faults.HostToModule.StartAfterBytes = 64;
            faults.HostToModule.CorruptRate = 0.0001;
            faults.ModuleToHost.StartAfterBytes = 8;
            faults.ModuleToHost.NoiseRate = 0.001;
            EngineRig rig = new EngineRig(sim, faults, null);
            rig.Options.MaxRestarts = 6;
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);

            UpdateResult r = rig.UpdateAndCheck(image, "all faults, seed " + seed.ToString());
            Assert.IsTrue(faults.AllBlockFaultsFired, "every planned block fault happened");
            Assert.IsTrue(r.Restarts >= 2, "flash error and power loss each restart");
            Assert.AreEqual(r.Restarts, events.Restarts - 1, "restart events: the missed window plus the restarts");
            Assert.IsTrue(r.Resends >= 7 && r.Resends <= 14, "status 1 twice, status 4, the silence and the slow answer once each, the power loss twice, and a few line hits (block:reason): " + events.ResendLog);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Update_IsDeterministicForASeed(int variant)
        {
            long first = RunOnce(variant);
            long second = RunOnce(variant);
            Assert.AreEqual(first, second, "same seed, same virtual duration");
        }

        private static long RunOnce(int variant)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            FaultPlan faults = new FaultPlan(42);
            faults.StatusAt(2, Status.CrcError).SilenceAt(4);
            faults.ModuleToHost.NoiseRate = 0.002;
            EngineRig rig = new EngineRig(sim, faults, null);
            UpdateResult r = rig.UpdateAndCheck(EngineRig.Image(6000, 5), "deterministic");
            return (r.ElapsedMs * 1000) + r.Resends;
        }
    }
}
