using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>
    /// What nanoFramework's UnitTestLauncher does that .NET reflection would not: it finds test
    /// methods with <c>Type.GetMethods()</c> (public only) and calls each with
    /// <c>method.Invoke(null, parameters)</c>, so no instance ever exists and `this` is null.
    /// </summary>
    public static class LauncherRules
    {
        private const BindingFlags AllInstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        /// <summary>Why a class's instance state cannot work on the device, naming each field; null when it has none.</summary>
        public static string InstanceStateProblem(Type testClass)
        {
            List<string> fields = new List<string>();
            for (Type t = testClass; t != null && t != typeof(object); t = t.BaseType)
            {
                foreach (FieldInfo f in t.GetFields(AllInstanceFields))
                {
                    fields.Add(FieldName(f));
                }
            }

            if (fields.Count == 0)
            {
                return null;
            }

            return testClass.Name + " has instance state (" + string.Join(", ", fields) + "): nanoFramework's UnitTestLauncher calls every test method "
                + "with no instance (MethodInfo.Invoke(null, ...)), so the constructor and field initialisers never run and reading "
                + (fields.Count == 1 ? "that field" : "those fields") + " throws NullReferenceException on the device. "
                + "Keep test state in static fields set in [Setup] or in the test, or in locals.";
        }

        /// <summary>Why the launcher would never call <paramref name="m"/>; null when it would.</summary>
        public static string VisibilityProblem(MethodInfo m, string role)
        {
            if (m.IsPublic)
            {
                return null;
            }

            return role + " " + m.DeclaringType.Name + "." + m.Name + " is not public: the launcher finds methods with Type.GetMethods(), "
                + "which returns public methods only, so the device would never run it.";
        }

        /// <summary>
        /// Calls <paramref name="m"/> as the launcher does: a static method normally, an instance
        /// method with a null `this` (IL `call`, as nanoCLR does), so touching instance state throws
        /// NullReferenceException here too. Exceptions come out unwrapped.
        /// </summary>
        public static void InvokeWithoutInstance(MethodInfo m, object[] args)
        {
            Action<object[]> call = Thunk(m);
            call(args ?? new object[0]);
        }

        private static readonly Dictionary<MethodInfo, Action<object[]>> Thunks = new Dictionary<MethodInfo, Action<object[]>>();

        private static Action<object[]> Thunk(MethodInfo m)
        {
            lock (Thunks)
            {
                Action<object[]> call;
                if (Thunks.TryGetValue(m, out call))
                {
                    return call;
                }

                DynamicMethod dm = new DynamicMethod("launch_" + m.Name, null, new[] { typeof(object[]) }, m.DeclaringType.Module, true);
                ILGenerator il = dm.GetILGenerator();
                if (!m.IsStatic)
                {
                    il.Emit(OpCodes.Ldnull);
                }

                ParameterInfo[] ps = m.GetParameters();
                for (int i = 0; i < ps.Length; i++)
                {
                    il.Emit(OpCodes.Ldarg_0);
                    il.Emit(OpCodes.Ldc_I4, i);
                    il.Emit(OpCodes.Ldelem_Ref);
                    Type pt = ps[i].ParameterType;
                    il.Emit(pt.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, pt);
                }

                il.Emit(OpCodes.Call, m);
                if (m.ReturnType != typeof(void))
                {
                    il.Emit(OpCodes.Pop);
                }

                il.Emit(OpCodes.Ret);
                call = (Action<object[]>)dm.CreateDelegate(typeof(Action<object[]>));
                Thunks.Add(m, call);
                return call;
            }
        }

        private static string FieldName(FieldInfo f)
        {
            // An auto-property's backing field is named "<Name>k__BackingField"; show the property.
            string n = f.Name;
            if (n.StartsWith("<", StringComparison.Ordinal) && n.IndexOf(">k__BackingField", StringComparison.Ordinal) > 0)
            {
                return "property " + n.Substring(1, n.IndexOf('>') - 1);
            }

            return n;
        }
    }
}
