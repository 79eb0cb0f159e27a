using System.Collections.Generic;
using McuUpdater.Tests.Host.Bridge;
using McuUpdater.Tests.Host.BridgeFixtures;
using Xunit;

namespace McuUpdater.Tests.Host
{
    /// <summary>Proves the nano-style bridge reports failures, Setup errors, rows and lifecycle faithfully.</summary>
    [Collection(LifecycleCollection.Name)]
    public class BridgeTests
    {
        [Fact]
        public void FailingAssertFailsItsCaseWithTheAssertMessage()
        {
            NanoOutcome o = new NanoTestRunner().Run(typeof(AssertFixture), nameof(AssertFixture.FailsEquality), null);

            Assert.Equal(NanoResult.Failed, o.Result);
            Assert.Contains("Assert.AreEqual failed", o.Message);
            Assert.Contains("Expected:<1>. Actual:<2>.", o.Message);
            Assert.Contains("one is not two", o.Message);
        }

        [Fact]
        public void DataRowOfAnotherPrimitiveTypeFailsAsItWouldOnNanoClr()
        {
            System.Reflection.MethodInfo m = typeof(DataRowTypeFixture).GetMethod(nameof(DataRowTypeFixture.TakesInt));

            Assert.Null(NanoTestRunner.DataRowMismatch(m, new object[] { 5 }));
            string why = NanoTestRunner.DataRowMismatch(m, new object[] { (ushort)5 });
            Assert.NotNull(why);
            Assert.Contains("UInt16", why);
            Assert.Contains("Int32", why);
        }

        [Fact]
        public void PassingAndSkippingCasesAreReportedAsSuch()
        {
            NanoTestRunner runner = new NanoTestRunner();

            Assert.Equal(NanoResult.Passed, runner.Run(typeof(AssertFixture), nameof(AssertFixture.Passes), null).Result);
            NanoOutcome skipped = runner.Run(typeof(AssertFixture), nameof(AssertFixture.Skips), null);
            Assert.Equal(NanoResult.Skipped, skipped.Result);
            Assert.Equal("not on this host", skipped.Message);
        }

        [Fact]
        public void ASkippedCaseIsReportedToXunitAsASkipWithItsReason()
        {
            NanoOutcome skipped = new NanoTestRunner().Run(typeof(AssertFixture), nameof(AssertFixture.Skips), null);

            SkipException e = Assert.Throws<SkipException>(() => NanoTests.Report(skipped));
            Assert.Equal("not on this host", e.Message);
            Assert.Throws<NanoTestFailedException>(() => NanoTests.Report(new NanoOutcome(NanoResult.Failed, "x", null)));
            NanoTests.Report(NanoOutcome.Pass);
        }

        [Fact]
        public void SetupFailureFailsEveryCaseOfTheClassAndIsNotASkip()
        {
            NanoTestRunner runner = new NanoTestRunner();

            foreach (NanoCase c in NanoTestRunner.DiscoverClass(typeof(FailingSetupFixture)))
            {
                NanoOutcome o = runner.Run(c);
                Assert.Equal(NanoResult.Failed, o.Result);
                Assert.Contains("Setup failed", o.Message);
                Assert.Contains("port missing", o.Message);
            }
        }

        [Fact]
        public void SetupSkipSkipsEveryCaseOfTheClass()
        {
            NanoOutcome o = new NanoTestRunner().Run(typeof(SkippingSetupFixture), nameof(SkippingSetupFixture.Only), null);

            Assert.Equal(NanoResult.Skipped, o.Result);
            Assert.Contains("no hardware", o.Message);
        }

        [Fact]
        public void DataRowArgumentsArePassedAndEachRowIsACase()
        {
            LifecycleFixture.Reset();
            List<NanoCase> cases = NanoTestRunner.DiscoverClass(typeof(LifecycleFixture));
            NanoTestRunner runner = new NanoTestRunner();

            foreach (NanoCase c in cases)
            {
                Assert.Equal(NanoResult.Passed, runner.Run(c).Result);
            }

            Assert.Equal(3, cases.Count);
            Assert.Equal("LifecycleFixture.Rows(1, \"a\")", cases[1].DisplayName);
            Assert.Equal("1:a;2:b;", LifecycleFixture.Seen);
            Assert.Equal("AfterSetup;Rows;Rows;", LifecycleFixture.Order);
        }

        [Fact]
        public void SetupAndCleanupRunOncePerClassAroundAllItsCases()
        {
            LifecycleFixture.Reset();
            NanoTestRunner runner = new NanoTestRunner();

            foreach (NanoCase c in NanoTestRunner.DiscoverClass(typeof(LifecycleFixture)))
            {
                Assert.Equal(0, LifecycleFixture.Cleanups);
                Assert.Equal(NanoResult.Passed, runner.Run(c).Result);
            }

            Assert.Equal(0, LifecycleFixture.Instances);
            Assert.Equal(1, LifecycleFixture.Setups);
            Assert.Equal(1, LifecycleFixture.Cleanups);
            Assert.Equal(NanoResult.Passed, runner.CleanupAll().Result);
            Assert.Equal(1, LifecycleFixture.Cleanups);
        }

        [Fact]
        public void CleanupAllRunsPendingCleanupWhenOnlySomeCasesRan()
        {
            LifecycleFixture.Reset();
            NanoTestRunner runner = new NanoTestRunner();

            runner.Run(typeof(LifecycleFixture), nameof(LifecycleFixture.Rows), new object[] { 2, "b" });
            Assert.Equal(0, LifecycleFixture.Cleanups);
            runner.CleanupAll();

            Assert.Equal("2:b;", LifecycleFixture.Seen);
            Assert.Equal(1, LifecycleFixture.Cleanups);
        }

        [Fact]
        public void ClassWithInstanceFieldsFailsNamingTheFieldsAndWhy()
        {
            NanoOutcome o = new NanoTestRunner().Run(typeof(BridgeFixtures.Launcher.InstanceFieldFixture), nameof(BridgeFixtures.Launcher.InstanceFieldFixture.UsesTheField), null);

            Assert.Equal(NanoResult.Failed, o.Result);
            Assert.Contains("_buffer", o.Message);
            Assert.Contains("property Count", o.Message);
            Assert.Contains("with no instance", o.Message);
            Assert.Contains("static fields", o.Message);
        }

        [Fact]
        public void InstanceMethodsRunWithANullThisAsOnTheDevice()
        {
            NanoTestRunner runner = new NanoTestRunner();
            System.Type t = typeof(BridgeFixtures.Launcher.InstanceMethodFixture);

            Assert.Equal(NanoResult.Passed, runner.Run(t, nameof(BridgeFixtures.Launcher.InstanceMethodFixture.TouchesNothing), null).Result);
            NanoOutcome virt = runner.Run(t, nameof(BridgeFixtures.Launcher.InstanceMethodFixture.CallsAVirtualOnThis), null);
            Assert.Equal(NanoResult.Failed, virt.Result);
            Assert.Contains("NullReferenceException", virt.Message);
            Assert.Contains("this == null", virt.Message);
            NanoOutcome self = runner.Run(t, nameof(BridgeFixtures.Launcher.InstanceMethodFixture.SeesThisAsNull), null);
            Assert.Equal(NanoResult.Failed, self.Result);
        }

        [Fact]
        public void ComparingAStringThatHoldsANulFailsAsOnNanoClr()
        {
            NanoOutcome o = new NanoTestRunner().Run(typeof(BridgeFixtures.Launcher.NulStringFixture), nameof(BridgeFixtures.Launcher.NulStringFixture.ComparesAStringWithANul), null);

            Assert.Equal(NanoResult.Failed, o.Result);
            Assert.Contains("holds 0x00 at index 1", o.Message);
        }

        [Fact]
        public void NonPublicTestMethodFailsBecauseTheLauncherNeverSeesIt()
        {
            NanoOutcome o = new NanoTestRunner().Run(typeof(BridgeFixtures.Launcher.NonPublicFixture), "Hidden", null);

            Assert.Equal(NanoResult.Failed, o.Result);
            Assert.Contains("not public", o.Message);
        }

        [Fact]
        public void EveryRealTestClassFollowsTheLauncherRules()
        {
            List<string> problems = new List<string>();
            HashSet<System.Type> seen = new HashSet<System.Type>();
            foreach (NanoCase c in NanoTestRunner.Discover(typeof(BridgeTests).Assembly))
            {
                if (seen.Add(c.TestClass))
                {
                    string p = LauncherRules.InstanceStateProblem(c.TestClass);
                    if (p != null)
                    {
                        problems.Add(p);
                    }
                }

                string v = LauncherRules.VisibilityProblem(c.Method, "[TestMethod]");
                if (v != null)
                {
                    problems.Add(v);
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void DiscoveryLeavesTheFixturesOut()
        {
            foreach (NanoCase c in NanoTestRunner.Discover(typeof(BridgeTests).Assembly))
            {
                Assert.False(NanoTestRunner.IsFixture(c.TestClass), c.DisplayName);
            }
        }
    }

    /// <summary>Serializes the self-tests that share LifecycleFixture's static counters.</summary>
    [CollectionDefinition(Name)]
    public class LifecycleCollection
    {
        /// <summary>The collection name.</summary>
        public const string Name = "Bridge lifecycle fixtures";
    }

    /// <summary>Target of the DataRow type check; not a [TestClass], so discovery leaves it alone.</summary>
    public class DataRowTypeFixture
    {
        /// <summary>Takes an int, as most rows do.</summary>
        public void TakesInt(int value)
        {
        }
    }
}
