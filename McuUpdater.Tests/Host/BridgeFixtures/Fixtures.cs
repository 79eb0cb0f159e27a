// Nano-style classes the bridge self-tests run on purpose (some fail by design). Their namespace is
// NanoTestRunner.FixtureNamespace, which discovery skips, so they never reach the main theory.
using System;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.BridgeFixtures
{
    /// <summary>One failing and one passing assert.</summary>
    [TestClass]
    public class AssertFixture
    {
        /// <summary>Fails with a user message.</summary>
        [TestMethod]
        public void FailsEquality()
        {
            Assert.AreEqual(1, 2, "one is not two");
        }

        /// <summary>Passes.</summary>
        [TestMethod]
        public void Passes()
        {
            Assert.IsTrue(true);
        }

        /// <summary>Skips itself.</summary>
        [TestMethod]
        public void Skips()
        {
            Assert.SkipTest("not on this host");
        }
    }

    /// <summary>Setup throws: every case must fail with its message.</summary>
    [TestClass]
    public class FailingSetupFixture
    {
        /// <summary>Throws.</summary>
        [Setup]
        public void Setup()
        {
            throw new InvalidOperationException("port missing");
        }

        /// <summary>Never reached.</summary>
        [TestMethod]
        public void First()
        {
        }

        /// <summary>Never reached.</summary>
        [TestMethod]
        public void Second()
        {
        }
    }

    /// <summary>Setup skips: every case is skipped, not failed.</summary>
    [TestClass]
    public class SkippingSetupFixture
    {
        /// <summary>Skips the class.</summary>
        [Setup]
        public void Setup()
        {
            Assert.SkipTest("no hardware");
        }

        /// <summary>Never reached.</summary>
        [TestMethod]
        public void Only()
        {
        }
    }

    /// <summary>Counts Setup/Cleanup calls and records DataRow arguments.</summary>
    [TestClass]
    public class LifecycleFixture
    {
        /// <summary>Times Setup ran.</summary>
        public static int Setups;

        /// <summary>Times Cleanup ran.</summary>
        public static int Cleanups;

        /// <summary>Instances created.</summary>
        public static int Instances;

        /// <summary>Arguments seen, "a:b" per row.</summary>
        public static string Seen = string.Empty;

        /// <summary>Counts instances.</summary>
        public LifecycleFixture()
        {
            Instances++;
        }

        /// <summary>Resets all counters (the fixture is reused by several self-tests).</summary>
        public static void Reset()
        {
            Setups = 0;
            Cleanups = 0;
            Instances = 0;
            Seen = string.Empty;
        }

        /// <summary>Counts.</summary>
        [Setup]
        public void Setup()
        {
            Setups++;
        }

        /// <summary>Records its arguments.</summary>
        [TestMethod]
        [DataRow(1, "a")]
        [DataRow(2, "b")]
        public void Rows(int n, string s)
        {
            Seen += n + ":" + s + ";";
        }

        /// <summary>Checks Setup already ran.</summary>
        [TestMethod]
        public void AfterSetup()
        {
            Assert.AreEqual(1, Setups);
            Assert.AreEqual(0, Cleanups);
        }

        /// <summary>Counts.</summary>
        [Cleanup]
        public void Cleanup()
        {
            Cleanups++;
        }
    }
}
