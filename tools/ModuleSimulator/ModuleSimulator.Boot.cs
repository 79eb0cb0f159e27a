using McuUpdater.Protocol;

namespace McuUpdater.Simulator
{
    /// <summary>Boot ROM start-up: boot noise, the 0xB5 listening window, and the one- or two-stage sync.</summary>
    public sealed partial class ModuleSimulator
    {
        private readonly byte[] _syncReply = new byte[1];
        private int _noiseIndex;
        private bool _missWindow;

        private void StartBoot()
        {
            _missWindow = _faults != null && PowerCycles <= _faults.MissBootWindows;
            _noiseIndex = 0;
            ArmBootNoise();
            _timers.Arm(TimerWindowClose, _powerOnNs + _options.SyncWindowCloseMs * NsPerMs);
        }

        private void ArmBootNoise()
        {
            byte[] noise = _options.BootNoise;
            int[] at = _options.BootNoiseAtMs;
            if (noise != null && at != null && _noiseIndex < noise.Length && _noiseIndex < at.Length)
            {
                _timers.Arm(TimerNoise, _powerOnNs + at[_noiseIndex] * NsPerMs);
            }
        }

        private void NextBootNoise()
        {
            if (Phase != ModulePhase.Booting)
            {
                return;
            }

            _line.Send(_options.BootNoise, _noiseIndex, 1);
            _noiseIndex++;
            ArmBootNoise();
        }

        private void BootBytes(byte[] buffer, int offset, int count)
        {
            if (_line.NowNs < _powerOnNs + _options.SyncWindowOpenMs * NsPerMs || _missWindow)
            {
                return;
            }

            for (int i = 0; i < count; i++)
            {
                if (buffer[offset + i] != Wire.SyncWord1)
                {
                    continue;
                }

                Syncs++;
                SendByte(Wire.SyncWordRsp1);
                _timers.Disarm(TimerNoise);
                _timers.Disarm(TimerWindowClose);
                if (_options.Variant == RomVariant.SpreadtrumQuirks)
                {
                    // Single stage: in command mode at once, and the receive FIFO is drained, so
                    // whatever came with the sync byte (more 0xB5, an early 0xA9) is gone.
                    EnterCommandMode();
                    return;
                }

                Phase = ModulePhase.WaitSync2;
                _timers.Arm(TimerSync2, _line.NowNs + _options.Sync2TimeoutMs * NsPerMs);
                Sync2Bytes(buffer, offset + i + 1, count - i - 1);
                return;
            }
        }

        // Documented second stage: only 0xA9 matters; 0xB5 still in flight from the host's ticker is ignored.
        private void Sync2Bytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (buffer[offset + i] == Wire.SyncWord2)
                {
                    SendByte(Wire.SyncWordRsp2);
                    _timers.Disarm(TimerSync2);
                    EnterCommandMode();
                    CommandBytes(buffer, offset + i + 1, count - i - 1);
                    return;
                }
            }
        }

        private void SendByte(byte value)
        {
            _syncReply[0] = value;
            _line.Send(_syncReply, 0, 1);
        }
    }
}
