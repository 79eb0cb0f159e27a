using System.IO;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Simulator.Host;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using Xunit;

namespace McuUpdater.Tests.Host.Engine
{
    /// <summary>The campaign's judge: the ledger tells a damaged frame that passed its CRC-16 from an updater that sent wrong bytes, and a restart its faults explain from one they do not.</summary>
    public class WireLedgerTests
    {
        [Fact]
        public void Ledger_AFrameForgedOnTheWireIsCountedAsDamagedAtItsBlock()
        {
            Rig rig = new Rig(new FaultPlan(1));
            rig.Wire.HostToModuleFault = new ForgeBlock(1);
            rig.Ledger.Attach(rig.Wire, rig.Module);
            UpdateResult r = rig.Run(EngineRig.Image(5000, 1));

            Assert.Equal(UpdateOutcome.Success, r.Outcome);
            Assert.False(rig.Module.ImageMatches(EngineRig.Image(5000, 1)), "the forged block is in the image");
            Assert.Equal(1, rig.Ledger.DamagedAccepted);
            Assert.True(rig.Ledger.DamagedAcceptedAt(1), "block 1 was the damaged one");
            Assert.False(rig.Ledger.DamagedAcceptedAt(0), "block 0 arrived as written");
        }

        [Fact]
        public void Ledger_ACleanRunHasNoDamageAndNothingToExplain()
        {
            Rig rig = new Rig(new FaultPlan(2));
            rig.Ledger.Attach(rig.Wire, rig.Module);
            UpdateResult r = rig.Run(EngineRig.Image(5000, 2));
            rig.Ledger.Finish(false);

            Assert.Equal(UpdateOutcome.Success, r.Outcome);
            Assert.Equal(0, rig.Ledger.DamagedAccepted);
            Assert.Equal(5, rig.Ledger.Accepted);
            Assert.Equal(0, rig.Ledger.UnexplainedPasses);
            Assert.Null(rig.Ledger.Violation);
        }

        [Fact]
        public void Ledger_RestartsNoFaultCausedAreUnexplained()
        {
            // An updater that gives up on answers before they can come: every restart is its own doing.
            Rig rig = new Rig(new FaultPlan(3));
            rig.Sim.FlashWriteMs = 5000;
            rig.Options.ResponseTimeoutMs = 50;
            rig.Ledger.Attach(rig.Wire, rig.Module);
            UpdateResult r = rig.Run(EngineRig.Image(5000, 3));
            rig.Ledger.Finish(r.Outcome != UpdateOutcome.Success);

            Assert.NotEqual(UpdateOutcome.Success, r.Outcome);
            Assert.Equal(rig.Options.MaxRestarts + 1, rig.Ledger.UnexplainedPasses);
            Assert.Equal(0, rig.Ledger.ExplainedPasses);
        }

        [Fact]
        public void Ledger_EverySendOfTheLastFrameRefusedExplainsTheRestart()
        {
            FaultPlan plan = new FaultPlan(4);
            plan.StatusAt(2, Status.CrcError).StatusAt(2, Status.CrcError).StatusAt(2, Status.CrcError);
            Rig rig = new Rig(plan);
            rig.Ledger.Attach(rig.Wire, rig.Module);
            UpdateResult r = rig.Run(EngineRig.Image(5000, 4));
            rig.Ledger.Finish(r.Outcome != UpdateOutcome.Success);

            Assert.Equal(UpdateOutcome.Success, r.Outcome);
            Assert.Equal(1, r.Restarts);
            Assert.Equal(1, rig.Ledger.ExplainedPasses);
            Assert.Equal(0, rig.Ledger.UnexplainedPasses);
        }

        [Fact]
        public void Ledger_ADataFrameBeyondTheFurthestSentPlusOneIsAViolation()
        {
            Rig rig = new Rig(new FaultPlan(5));
            rig.Ledger.Attach(rig.Wire, rig.Module);
            rig.Wire.Power.On();
            byte[] frame = new byte[Wire.DataFrameOverhead + 2];
            rig.Wire.HostLink.Write(frame, 0, FrameEncoder.EncodeDataInPlace(frame, 0, 0, 2));
            Assert.Null(rig.Ledger.Violation);
            rig.Wire.HostLink.Write(frame, 0, FrameEncoder.EncodeDataInPlace(frame, 0, 2, 2));

            Assert.NotNull(rig.Ledger.Violation);
            Assert.Contains("DATA 2", rig.Ledger.Violation);
            Assert.Equal(1, rig.Ledger.SentBeyond);
        }

        private sealed class Rig
        {
            public Rig(FaultPlan plan)
            {
                Sim = EngineRig.Simulator(0, 1024);
                Module = new ModuleSimulator(Sim, plan);
                Wire = new VirtualWire(Module);
                plan.ApplyTo(Wire);
                Ledger = new WireLedger(plan, null);
                Options = EngineRig.Defaults();
                Options.MaxRestarts = 2;
            }

            public SimulatorOptions Sim { get; }

            public ModuleSimulator Module { get; }

            public VirtualWire Wire { get; }

            public WireLedger Ledger { get; }

            public UpdateOptions Options { get; }

            public UpdateResult Run(byte[] image)
            {
                UpdateSession session = new UpdateSession(Wire.HostLink, Wire.Power, Wire.Clock, Options);
                return session.Run(new BinImage(new MemoryStream(image), "ledger.bin"));
            }
        }

        /// <summary>Changes one byte of the first send of a DATA block and fixes its CRC-16: damage the module cannot see.</summary>
        private sealed class ForgeBlock : ILineFault
        {
            private readonly int _block;
            private bool _done;

            public ForgeBlock(int block)
            {
                _block = block;
            }

            public int MaxOutput(int count) => count;

            public int Apply(byte[] input, int offset, int count, byte[] output, int outputOffset, long timeNs)
            {
                System.Array.Copy(input, offset, output, outputOffset, count);
                if (!_done && count > Wire.DataFrameOverhead && input[offset] == Wire.Head
                    && BigEndian.ReadUInt16(input, offset + 1) == Command.DlData
                    && BigEndian.ReadUInt32(input, offset + Wire.HeaderLength) == (uint)_block)
                {
                    _done = true;
                    output[outputOffset + Wire.DataBlockOffset] ^= 0x40;
                    FrameEncoder.EncodeDataInPlace(output, outputOffset, (uint)_block, count - Wire.DataFrameOverhead);
                }

                return count;
            }

            public long NextIdleNoiseNs(long afterNs) => long.MaxValue;

            public byte IdleNoiseByte() => 0;
        }
    }
}
