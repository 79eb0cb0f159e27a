using System;
using System.Collections.Generic;
using Xunit;
using Xunit.Abstractions;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>Holds the runner shared by every row of the theory, and runs pending Cleanups at the end.</summary>
    public sealed class NanoRunnerFixture : IDisposable
    {
        /// <summary>The one runner for this test run (one instance per nano-style class).</summary>
        public NanoTestRunner Runner { get; } = new NanoTestRunner();

        /// <summary>Runs the Cleanup of classes that a filter left partly run; throwing makes xunit report it.</summary>
        public void Dispose()
        {
            NanoOutcome o = Runner.CleanupAll();
            if (o.Result == NanoResult.Failed)
            {
                throw new InvalidOperationException(o.Message, o.Exception);
            }
        }
    }

    /// <summary>The xunit entry point: one theory row per nano-style [TestMethod] and [DataRow].</summary>
    [TestCaseOrderer(NanoCaseOrderer.TypeName, NanoCaseOrderer.AssemblyName)]
    public sealed class NanoTests : IClassFixture<NanoRunnerFixture>
    {
        private readonly NanoRunnerFixture _fixture;
        private readonly ITestOutputHelper _output;

        /// <summary>Created by xunit per row.</summary>
        public NanoTests(NanoRunnerFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        /// <summary>Every case discovered in this assembly, or one sentinel row when there are none.</summary>
        public static IEnumerable<object[]> Cases()
        {
            List<NanoCase> cases = NanoTestRunner.Discover(typeof(NanoTests).Assembly);
            if (cases.Count == 0)
            {
                yield return new object[] { NanoCaseData.Sentinel() };
                yield break;
            }

            for (int i = 0; i < cases.Count; i++)
            {
                yield return new object[] { new NanoCaseData(cases[i], i) };
            }
        }

        /// <summary>Runs one nano-style case.</summary>
        [SkippableTheory]
        [MemberData(nameof(Cases))]
        public void Run(NanoCaseData test)
        {
            if (test.IsSentinel)
            {
                _output.WriteLine("no nano-style test classes found");
                return;
            }

            nanoFramework.TestFramework.OutputHelper.Sink = _output.WriteLine;
            NanoOutcome outcome;
            try
            {
                outcome = _fixture.Runner.Run(test.Resolve());
            }
            finally
            {
                nanoFramework.TestFramework.OutputHelper.Sink = null;
            }

            Report(outcome);
        }

        /// <summary>Turns an outcome into xunit's: a failure throws, a skip is a real skip with its reason (Xunit.SkippableFact; xunit 2 has none of its own).</summary>
        public static void Report(NanoOutcome outcome)
        {
            if (outcome.Result == NanoResult.Failed)
            {
                throw new NanoTestFailedException(outcome.Message, outcome.Exception);
            }

            if (outcome.Result == NanoResult.Skipped)
            {
                throw new SkipException(outcome.Message);
            }
        }
    }

    /// <summary>A nano-style case failed; the message is the assert's (or Setup's) message.</summary>
    public sealed class NanoTestFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public NanoTestFailedException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
