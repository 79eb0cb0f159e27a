using System;
using System.Collections.Generic;
using System.Reflection;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>
    /// Runs nano-style test classes the way nanoFramework's launcher does: no instance (each method
    /// is called with a null `this`, see <see cref="LauncherRules"/>), public methods only, the
    /// methods without rows before those with rows, [Setup] once before the class's first case and
    /// [Cleanup] once after its last case.
    /// </summary>
    /// <remarks>
    /// Cleanup choice: the runner knows every case of a class (it discovers them itself), so it runs
    /// [Cleanup] right after the last of them has run, and a failing Cleanup fails that last case.
    /// When a filter runs only some cases, <see cref="CleanupAll"/> (called from the xunit class
    /// fixture's Dispose) runs the cleanups still pending. Cleanup runs even when Setup failed or
    /// skipped, so half-opened resources are released.
    /// </remarks>
    public sealed class NanoTestRunner
    {
        /// <summary>Namespace of the bridge self-test fixtures: never discovered as real tests.</summary>
        public const string FixtureNamespace = "McuUpdater.Tests.Host.BridgeFixtures";

        private readonly Dictionary<Type, ClassState> _classes = new Dictionary<Type, ClassState>();
        private readonly object _gate = new object();

        /// <summary>Every nano-style case of the assembly's [TestClass] classes, fixtures excluded, in a stable order.</summary>
        public static List<NanoCase> Discover(Assembly assembly)
        {
            List<Type> classes = new List<Type>();
            foreach (Type t in assembly.GetTypes())
            {
                if (t.IsDefined(typeof(TestClassAttribute), false) && !IsFixture(t))
                {
                    classes.Add(t);
                }
            }

            classes.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
            List<NanoCase> cases = new List<NanoCase>();
            foreach (Type t in classes)
            {
                cases.AddRange(DiscoverClass(t));
            }

            return cases;
        }

        /// <summary>The cases of one class: one per [TestMethod] without rows, one per [DataRow] otherwise.</summary>
        public static List<NanoCase> DiscoverClass(Type testClass)
        {
            List<MethodInfo> methods = new List<MethodInfo>();
            foreach (MethodInfo m in testClass.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (m.IsDefined(typeof(TestMethodAttribute), false))
                {
                    methods.Add(m);
                }
            }

            // Declaration order; the launcher runs every method without rows first, then the rows.
            methods.Sort((a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
            List<NanoCase> cases = new List<NanoCase>();
            foreach (MethodInfo m in methods)
            {
                if (!m.IsDefined(typeof(DataRowAttribute), false))
                {
                    cases.Add(new NanoCase(testClass, m, -1, null));
                }
            }

            foreach (MethodInfo m in methods)
            {
                object[] rows = m.GetCustomAttributes(typeof(DataRowAttribute), false);
                for (int i = 0; i < rows.Length; i++)
                {
                    cases.Add(new NanoCase(testClass, m, i, ((DataRowAttribute)rows[i]).MethodParameters));
                }
            }

            return cases;
        }

        /// <summary>True for the bridge's own self-test fixtures.</summary>
        public static bool IsFixture(Type t)
        {
            return t.Namespace != null && (t.Namespace == FixtureNamespace || t.Namespace.StartsWith(FixtureNamespace + ".", StringComparison.Ordinal));
        }

        /// <summary>Runs the case of <paramref name="testClass"/> named <paramref name="method"/> whose data row equals <paramref name="args"/> (null: the case without rows).</summary>
        public NanoOutcome Run(Type testClass, string method, object[] args)
        {
            foreach (NanoCase c in DiscoverClass(testClass))
            {
                if (c.Method.Name == method && (args == null ? c.RowIndex < 0 : c.RowIndex >= 0 && c.Args.SequenceEqual(args)))
                {
                    return Run(c);
                }
            }

            return new NanoOutcome(NanoResult.Failed, "No [TestMethod] " + testClass.Name + "." + method + " with those arguments.", null);
        }

        /// <summary>Runs one case: Setup first if this is the class's first case, Cleanup after if it is the last.</summary>
        public NanoOutcome Run(NanoCase testCase)
        {
            lock (_gate)
            {
                ClassState state = StateOf(testCase.TestClass);
                NanoOutcome outcome = state.SetupOutcome;
                if (outcome.Result == NanoResult.Passed)
                {
                    outcome = Invoke(testCase.Method, "[TestMethod]", testCase.Args);
                }
                else if (outcome.Result == NanoResult.Failed)
                {
                    // A failing Setup fails every case of the class; it is never a skip.
                    outcome = new NanoOutcome(NanoResult.Failed, "Setup failed: " + outcome.Message, outcome.Exception);
                }
                else
                {
                    outcome = new NanoOutcome(NanoResult.Skipped, "Setup skipped the class: " + outcome.Message, outcome.Exception);
                }

                state.Pending.Remove(testCase.Method.Name + "#" + testCase.RowIndex);
                if (state.Pending.Count == 0)
                {
                    NanoOutcome cleanup = RunCleanup(state);
                    if (cleanup.Result == NanoResult.Failed)
                    {
                        string prefix = outcome.Result == NanoResult.Failed ? outcome.Message + " | " : string.Empty;
                        outcome = new NanoOutcome(NanoResult.Failed, prefix + "Cleanup failed: " + cleanup.Message, cleanup.Exception);
                    }
                }

                return outcome;
            }
        }

        /// <summary>Runs every Cleanup still pending (classes where only some cases ran); returns the failures joined, or a pass.</summary>
        public NanoOutcome CleanupAll()
        {
            lock (_gate)
            {
                List<string> failures = new List<string>();
                foreach (ClassState state in _classes.Values)
                {
                    NanoOutcome o = RunCleanup(state);
                    if (o.Result == NanoResult.Failed)
                    {
                        failures.Add(state.Type.Name + ": " + o.Message);
                    }
                }

                return failures.Count == 0 ? NanoOutcome.Pass : new NanoOutcome(NanoResult.Failed, "Cleanup failed: " + string.Join("; ", failures), null);
            }
        }

        private ClassState StateOf(Type t)
        {
            ClassState state;
            if (_classes.TryGetValue(t, out state))
            {
                return state;
            }

            state = new ClassState(t);
            _classes.Add(t, state);
            foreach (NanoCase c in DiscoverClass(t))
            {
                state.Pending.Add(c.Method.Name + "#" + c.RowIndex);
            }

            string instanceState = LauncherRules.InstanceStateProblem(t);
            if (instanceState != null)
            {
                // Every case fails, also those that would not touch the fields: the state can never work.
                state.SetupOutcome = new NanoOutcome(NanoResult.Failed, instanceState, null);
                state.CleanupDone = true;
                return state;
            }

            state.SetupOutcome = InvokeAll(t, typeof(SetupAttribute), "[Setup]");
            return state;
        }

        private static NanoOutcome RunCleanup(ClassState state)
        {
            if (state.CleanupDone)
            {
                return NanoOutcome.Pass;
            }

            state.CleanupDone = true;
            NanoOutcome o = InvokeAll(state.Type, typeof(CleanupAttribute), "[Cleanup]");
            return o.Result == NanoResult.Skipped ? NanoOutcome.Pass : o;
        }

        private static NanoOutcome InvokeAll(Type t, Type attribute, string role)
        {
            foreach (MethodInfo m in t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (m.IsDefined(attribute, false))
                {
                    NanoOutcome o = Invoke(m, role, null);
                    if (o.Result != NanoResult.Passed)
                    {
                        return o;
                    }
                }
            }

            return NanoOutcome.Pass;
        }

        private static NanoOutcome Invoke(MethodInfo m, string role, object[] args)
        {
            string mismatch = LauncherRules.VisibilityProblem(m, role) ?? DataRowMismatch(m, args);
            if (mismatch != null)
            {
                return new NanoOutcome(NanoResult.Failed, mismatch, null);
            }

            try
            {
                LauncherRules.InvokeWithoutInstance(m, args);
                return NanoOutcome.Pass;
            }
            catch (NullReferenceException ex) when (!m.IsStatic)
            {
                NanoOutcome o = Describe(ex);
                return new NanoOutcome(NanoResult.Failed, o.Message + " (" + m.Name + " is an instance method; the launcher calls it with this == null, so any use of the instance throws)", ex);
            }
            catch (Exception ex)
            {
                return Describe(Unwrap(ex));
            }
        }

        /// <summary>
        /// nanoCLR's MethodBase.Invoke does not widen boxed primitives the way .NET reflection does
        /// (a DataRow constant typed ushort cannot feed an int parameter there), so the host bridge
        /// demands the exact type that the device needs; returns why a row does not fit, or null.
        /// </summary>
        public static string DataRowMismatch(MethodInfo m, object[] args)
        {
            ParameterInfo[] ps = m.GetParameters();
            int count = args == null ? 0 : args.Length;
            if (count != ps.Length)
            {
                return "DataRow gives " + count + " arguments, " + m.Name + " takes " + ps.Length + ".";
            }

            for (int i = 0; i < count; i++)
            {
                Type want = ps[i].ParameterType;
                object arg = args[i];
                bool fits = arg == null ? !want.IsValueType : want.IsValueType ? arg.GetType() == want : want.IsInstanceOfType(arg);
                if (!fits)
                {
                    return "DataRow argument " + (i + 1) + " of " + m.Name + " is " + (arg == null ? "null" : arg.GetType().Name)
                        + " but the parameter '" + ps[i].Name + "' is " + want.Name + ": nanoCLR does not convert it; cast the constant, e.g. (" + want.Name + ")x.";
                }
            }

            return null;
        }

        private static Exception Unwrap(Exception ex)
        {
            while (ex is TargetInvocationException && ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        private static NanoOutcome Describe(Exception ex)
        {
            if (ex is SkipTestException)
            {
                return new NanoOutcome(NanoResult.Skipped, ex.Message, ex);
            }

            // Assert failures carry their own "Assert.X failed" text; anything else names its type.
            string message = ex is TestFrameworkShared.AssertFailedException ? ex.Message : ex.GetType().FullName + ": " + ex.Message;
            return new NanoOutcome(NanoResult.Failed, message, ex);
        }

        private sealed class ClassState
        {
            public ClassState(Type type)
            {
                Type = type;
            }

            public Type Type { get; }

            public NanoOutcome SetupOutcome { get; set; }

            public bool CleanupDone { get; set; }

            public HashSet<string> Pending { get; } = new HashSet<string>();
        }
    }
}
