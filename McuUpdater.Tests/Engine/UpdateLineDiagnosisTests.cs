using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>A module that answers through a noisy line, a wrong baud rate and a silent module are three different failures.</summary>
    [TestClass]
    public class UpdateLineDiagnosisTests
    {
        [TestMethod]
        public void Update_ModuleRefusingEveryCopyWithCrcErrors_IsANoisyLineNotASilentModule()
        {
            FaultPlan faults = new FaultPlan(41);
            for (int i = 0; i < 12; i++)
            {
                faults.StatusAt(1, Status.CrcError);
            }

            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), faults, null);
            UpdateResult r = rig.Update(EngineRig.Image(3000, 41));
            EngineRig.ExpectOutcome(UpdateOutcome.NoisyLine, r, "status 1 on every copy of block 1");
            Assert.IsTrue(r.Detail.IndexOf("noisy line") >= 0, r.Detail);
            Assert.IsTrue(r.Detail.IndexOf("block 1") >= 0, r.Detail);
        }

        [TestMethod]
        public void Update_GarbageWithoutAnyValidFrame_IsNoValidAnswer()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            rig.Wire.ModuleToHostFault = new WrongBaud();
            rig.Options.MaxRestarts = 1;
            UpdateResult r = rig.Update(EngineRig.Image(3000, 42));
            EngineRig.ExpectOutcome(UpdateOutcome.NoValidAnswer, r, "every answer garbled");
            Assert.IsTrue(r.Detail.IndexOf("wrong baud rate") >= 0, r.Detail);
        }

        /// <summary>
        /// What a wrong baud rate does to the module's frames: the sync answers still get through
        /// (as single bytes they may), everything else arrives as other bytes.
        /// </summary>
        private sealed class WrongBaud : ILineFault
        {
            public int MaxOutput(int count)
            {
                return count;
            }

            public int Apply(byte[] input, int offset, int count, byte[] output, int outputOffset, long timeNs)
            {
                for (int i = 0; i < count; i++)
                {
                    byte b = input[offset + i];
                    output[outputOffset + i] = b == Wire.SyncWordRsp1 || b == Wire.SyncWordRsp2 ? b : (byte)(b ^ 0x55);
                }

                return count;
            }

            public long NextIdleNoiseNs(long afterNs)
            {
                return long.MaxValue;
            }

            public byte IdleNoiseByte()
            {
                return 0;
            }
        }
    }
}
