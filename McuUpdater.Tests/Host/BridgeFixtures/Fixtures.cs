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

        /// <summary>Instances created (the launcher creates none).</summary>
        public static int Instances;

        /// <summary>Arguments seen, "a:b" per row.</summary>
        public static string Seen = string.Empty;

        /// <summary>Counts instances; the launcher never calls it.</summary>
        public LifecycleFixture()
        {
            Instances++;
        }

        /// <summary>Order in which the cases ran, "name;" each.</summary>
        public static string Order = string.Empty;

        /// <summary>Resets all counters (the fixture is reused by several self-tests).</summary>
        public static void Reset()
        {
            Setups = 0;
            Cleanups = 0;
            Instances = 0;
            Seen = string.Empty;
            Order = string.Empty;
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
            Order += "Rows;";
        }

        /// <summary>Checks Setup already ran.</summary>
        [TestMethod]
        public void AfterSetup()
        {
            Assert.AreEqual(1, Setups);
            Assert.AreEqual(0, Cleanups);
            Order += "AfterSetup;";
        }

        /// <summary>Counts.</summary>
        [Cleanup]
        public void Cleanup()
        {
            Cleanups++;
        }
    }
}

namespace McuUpdater.Tests.Host.BridgeFixtures.Launcher
{
    /// <summary>Keeps state in instance fields, as RelayEngineTests once did: must fail on the host as on the device.</summary>
    [TestClass]
    public class InstanceFieldFixture
    {
        private readonly byte[] _buffer = new byte[4];

        /// <summary>Auto-property: its backing field is instance state too.</summary>
        public int Count { get; set; }

        /// <summary>Would pass on .NET with an instance.</summary>
        [TestMethod]
        public void UsesTheField()
        {
            Assert.AreEqual(4, _buffer.Length);
        }
    }

    /// <summary>Instance methods without instance fields: fine unless they use `this`.</summary>
    [TestClass]
    public class InstanceMethodFixture
    {
        /// <summary>Touches nothing of the instance: runs on the device.</summary>
        [TestMethod]
        public void TouchesNothing()
        {
            Assert.AreEqual(2, 1 + 1);
        }

        /// <summary>Calls a virtual method on `this` (callvirt on null): NullReferenceException on the device.</summary>
        [TestMethod]
        public void CallsAVirtualOnThis()
        {
            Assert.AreEqual(3, Three());
        }

        /// <summary>Passes `this` on: it is null on the device.</summary>
        [TestMethod]
        public void SeesThisAsNull()
        {
            Assert.IsNotNull(Self(this), "this");
        }

        /// <summary>Virtual, so the call needs the instance.</summary>
        public virtual int Three()
        {
            return 3;
        }

        private static object Self(object o)
        {
            return o;
        }
    }

    /// <summary>Compares a string built from raw bytes holding 0x00, as ScriptedHost.ReadText once did.</summary>
    [TestClass]
    public class NulStringFixture
    {
        /// <summary>Equal on .NET, cut at the NUL on nanoCLR.</summary>
        [TestMethod]
        public static void ComparesAStringWithANul()
        {
            byte[] raw = { 0xB6, 0x00, 0xFF };
            char[] text = new char[raw.Length];
            for (int i = 0; i < raw.Length; i++)
            {
                text[i] = (char)raw[i];
            }

            Assert.AreEqual("\u00B6\u0000\u00FF", new string(text));
        }
    }

    /// <summary>A test method the launcher cannot see.</summary>
    [TestClass]
    public class NonPublicFixture
    {
        /// <summary>Private: Type.GetMethods() on the device does not return it.</summary>
        [TestMethod]
        private static void Hidden()
        {
        }
    }
}
