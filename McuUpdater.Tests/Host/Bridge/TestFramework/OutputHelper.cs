using System;
using System.Threading;

namespace nanoFramework.TestFramework
{
    /// <summary>Test output; on the host it goes to the running xunit case's output (or the console).</summary>
    public static class OutputHelper
    {
        // Per async flow, so parallel xunit classes do not mix their output.
        private static readonly AsyncLocal<Action<string>> s_sink = new AsyncLocal<Action<string>>();

        /// <summary>Where output goes for the current flow; set by the host runner.</summary>
        internal static Action<string> Sink
        {
            get { return s_sink.Value; }
            set { s_sink.Value = value; }
        }

        /// <summary>Writes text (the host has line-based output, so this is a line too).</summary>
        public static void Write(string message)
        {
            WriteLine(message);
        }

        /// <summary>Writes a line.</summary>
        public static void WriteLine(string message)
        {
            Action<string> sink = Sink;
            if (sink != null)
            {
                sink(message);
            }
            else
            {
                Console.WriteLine(message);
            }
        }
    }
}
