using McuUpdater.Link;
using McuUpdater.Session;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>A busy host reads the module's answers late; the version check must not take an old OK for AT+GMR's answer.</summary>
    [TestClass]
    public class UpdateSlowHostTests
    {
        [TestMethod]
        public void Update_AnswersReadLateAfterRun_StillFindTheVersion()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            StallingLink stalling = new StallingLink(rig.Wire.HostLink, rig.Wire.Clock);
            UpdateSession session = new UpdateSession(stalling, rig.Power, rig.Wire.Clock, rig.Options);

            // From RUN on, the host reads nothing for 12 s (a loaded machine): it keeps sending AT,
            // the booted firmware answers each, and their OKs wait in line ahead of AT+GMR's answer.
            session.Events.PhaseChanged += (s, phase) =>
            {
                if (phase == UpdatePhase.Running)
                {
                    stalling.StallUntilMs = rig.Wire.Clock.NowMs + 12000;
                }
            };
            byte[] image = EngineRig.Image(2000, 43);
            UpdateResult r = session.Run(new McuUpdater.Storage.BinImage(new System.IO.MemoryStream(image), "late.bin"));
            EngineRig.ExpectOutcome(UpdateOutcome.Success, r, "answers read late");
            Assert.AreEqual(EngineRig.NewVersion, r.FirmwareVersion, "the version, not an old OK");
        }

        /// <summary>Reads nothing until a time, then everything that came meanwhile, as a descheduled host would.</summary>
        private sealed class StallingLink : ISerialLink
        {
            private readonly ISerialLink _inner;
            private readonly McuUpdater.Timing.IClock _clock;
            private readonly byte[] _held = new byte[4096];
            private int _count;

            public StallingLink(ISerialLink inner, McuUpdater.Timing.IClock clock)
            {
                _inner = inner;
                _clock = clock;
            }

            public long StallUntilMs { get; set; }

            public void Write(byte[] buffer, int offset, int count)
            {
                _inner.Write(buffer, offset, count);
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                long left = StallUntilMs - _clock.NowMs;
                if (left > 0)
                {
                    // Bytes arrive, nobody reads them until the stall ends.
                    int wait = timeoutMs < left ? timeoutMs : (int)left;
                    _count += _inner.Read(_held, _count, _held.Length - _count, wait);
                    return 0;
                }

                if (_count > 0)
                {
                    int n = count < _count ? count : _count;
                    System.Array.Copy(_held, 0, buffer, offset, n);
                    System.Array.Copy(_held, n, _held, 0, _count - n);
                    _count -= n;
                    return n;
                }

                return _inner.Read(buffer, offset, count, timeoutMs);
            }
        }
    }
}
