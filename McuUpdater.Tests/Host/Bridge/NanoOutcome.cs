using System;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>How one nano-style test case ended.</summary>
    public enum NanoResult
    {
        /// <summary>Ran to completion.</summary>
        Passed,

        /// <summary>Threw (assert failure, other exception, failing Setup or Cleanup).</summary>
        Failed,

        /// <summary>Assert.SkipTest in the test or in the class's Setup.</summary>
        Skipped,
    }

    /// <summary>The result of running one case through <see cref="NanoTestRunner"/>.</summary>
    public sealed class NanoOutcome
    {
        /// <summary>Creates an outcome.</summary>
        public NanoOutcome(NanoResult result, string message, Exception exception)
        {
            Result = result;
            Message = message ?? string.Empty;
            Exception = exception;
        }

        /// <summary>Passed, failed or skipped.</summary>
        public NanoResult Result { get; }

        /// <summary>The failure or skip message (empty on pass).</summary>
        public string Message { get; }

        /// <summary>The exception behind a failure or skip, if any.</summary>
        public Exception Exception { get; }

        /// <summary>A passing outcome.</summary>
        public static readonly NanoOutcome Pass = new NanoOutcome(NanoResult.Passed, string.Empty, null);

        /// <inheritdoc />
        public override string ToString()
        {
            return Result + (Message.Length > 0 ? ": " + Message : string.Empty);
        }
    }
}
