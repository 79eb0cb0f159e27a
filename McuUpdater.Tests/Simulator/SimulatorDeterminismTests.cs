using McuUpdater.Protocol;
using McuUpdater.Simulator;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    [TestClass]
    public class SimulatorDeterminismTests
    {
        // A short faulty session: sync, BEGIN, a few blocks each sent up to 3 times, END.
        private static TraceTap Run(uint seed)
        {
            FaultPlan plan = new FaultPlan(seed);
            plan.HostToModule.CorruptRate = 0.0005;
            plan.HostToModule.DropRate = 0.0005;
            plan.ModuleToHost.NoiseRate = 0.02;
            plan.ModuleToHost.StartAfterBytes = 2;
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            TraceTap tap = new TraceTap(false);
            rig.Wire.Tap = tap;
            byte[] image = SimRig.Image(6000, 11);
            rig.Host.Connect();
            rig.Host.Begin();
            for (int block = 0; block < 6; block++)
            {
                for (int attempt = 0; attempt < 3; attempt++)
                {
                    rig.Host.SendBlock((uint)block, image, block * 1000, 1000);
                    if (rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success)
                    {
                        break;
                    }
                }
            }

            rig.Host.SendEmpty(Command.DlEnd);
            rig.Host.ReadResponse(3000);

            // The run must have done something for equal traces to mean anything.
            Assert.AreEqual(1, rig.Module.Syncs, "synced, seed " + seed.ToString());
            Assert.IsTrue(rig.Module.FramesAccepted >= 1, "BEGIN got through, seed " + seed.ToString());
            Assert.IsTrue(tap.HostBytes > 6000, "every block went on the wire, seed " + seed.ToString());
            int fired = plan.HostToModule.Corrupted + plan.HostToModule.Dropped + plan.ModuleToHost.NoiseInserted;
            Assert.IsTrue(fired > 0, "line faults fired, seed " + seed.ToString());
            return tap;
        }

        [TestMethod]
        public void Faults_SameSeedGivesTheSameByteTrace()
        {
            TraceTap a = Run(42);
            TraceTap b = Run(42);
            Assert.AreEqual(a.Events, b.Events, "same number of events");
            Assert.AreEqual(a.Hash, b.Hash, "identical trace");
        }

        [TestMethod]
        public void Faults_DifferentSeedGivesADifferentTrace()
        {
            Assert.AreNotEqual(Run(42).Hash, Run(43).Hash, "different trace");
        }

        [TestMethod]
        public void XorShift_IsTheSameSequenceEverywhere()
        {
            XorShift r = new XorShift(1);
            uint a = r.NextUInt();
            uint b = r.NextUInt();
            XorShift s = new XorShift(1);
            Assert.AreEqual(a, s.NextUInt(), "first");
            Assert.AreEqual(b, s.NextUInt(), "second");
            // Pinned so a change of algorithm (which would change every recorded fault run) is caught.
            Assert.AreEqual("9857FB32", new XorShift(12345).NextUInt().ToString("X8"), "pinned value");
        }

        [TestMethod]
        public void Crc32_CheckValue()
        {
            byte[] check = Bytes.FromHex("31 32 33 34 35 36 37 38 39");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(check, 0, check.Length), "CRC-32 of 123456789");
            uint state = Crc32.Update(Crc32.Initial, check, 0, 4);
            state = Crc32.Update(state, check, 4, 5);
            Assert.AreEqual(0xCBF43926u, Crc32.Finish(state), "incremental");
        }

        [TestMethod]
        [DataRow(5, true)]
        [DataRow(4, false)]
        public void ReceivedImage_AllowsOnePadAfterAnOddImage(int originalLength, bool matches)
        {
            ReceivedImage image = new ReceivedImage(100);
            byte[] received = Bytes.FromHex("01 02 03 04 05 FF");
            image.Append(received, 0, received.Length);
            byte[] original = new byte[originalLength];
            System.Array.Copy(received, original, originalLength);
            Assert.AreEqual(matches, image.Matches(original), "pad rule");
        }

        [TestMethod]
        public void ReceivedImage_PadMustBeErasedFlash()
        {
            ReceivedImage image = new ReceivedImage(100);
            byte[] received = Bytes.FromHex("01 02 03 04 05 00");
            image.Append(received, 0, received.Length);
            Assert.IsFalse(image.Matches(Bytes.FromHex("01 02 03 04 05")), "pad is 0xFF");
        }
    }
}
