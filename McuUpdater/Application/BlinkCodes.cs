namespace McuUpdater.Application
{
    /// <summary>The LED blink codes a technician reads without a debugger: N short pulses, a pause, repeated. Defined here once for every board.</summary>
    public static class BlinkCodes
    {
        /// <summary>No failure.</summary>
        public const int None = 0;

        /// <summary>The configuration file has a bad line (the debug output names the file and line).</summary>
        public const int ConfigError = 2;

        /// <summary>An update failed (system LED in update mode; a slot's LED on a bench).</summary>
        public const int UpdateFailed = 3;

        /// <summary>No usable image: the configured one failed verification, or an update is pending without one, or max_attempts ran out.</summary>
        public const int NoImage = 4;

        /// <summary>Something escaped that no mode handles: a port or pin that would not open, out of memory, a bug.</summary>
        public const int InternalError = 5;

        /// <summary>Relay mode stopped: a port failed.</summary>
        public const int RelayStopped = 6;

        /// <summary>Bench: the results log cannot be written (a round is refused before any module is touched, or a line was lost).</summary>
        public const int ResultsLogFailed = 7;

        /// <summary>One pulse's on time, and the gap between pulses.</summary>
        public const int PulseMs = 200;

        /// <summary>The dark pause before the code repeats.</summary>
        public const int PauseMs = 1500;

        /// <summary>The meaning of a code, for the debug output.</summary>
        public static string Meaning(int code)
        {
            switch (code)
            {
                case None: return "no failure";
                case ConfigError: return "configuration error";
                case UpdateFailed: return "update failed";
                case NoImage: return "no usable image";
                case InternalError: return "internal error";
                case RelayStopped: return "relay stopped";
                case ResultsLogFailed: return "results log cannot be written";
                default: return "code " + code.ToString();
            }
        }

        /// <summary>Length of one repetition of <paramref name="code"/>.</summary>
        public static int PeriodMs(int code)
        {
            return (code * 2 * PulseMs) + PauseMs;
        }

        /// <summary>Whether the LED is lit <paramref name="msIntoPattern"/> ms into a repetition of <paramref name="code"/>.</summary>
        public static bool IsOn(int code, long msIntoPattern)
        {
            long t = msIntoPattern % PeriodMs(code);
            return t < code * 2 * PulseMs && (t / PulseMs) % 2 == 0;
        }
    }
}
