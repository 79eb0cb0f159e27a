using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>Host copy of nanoFramework's CollectionAssert: element-wise checks over ICollection.</summary>
    public class CollectionAssert
    {
        /// <summary>Fails unless both have the same count and equal elements in order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            Assert.Check(SameElements(expected, actual), "CollectionAssert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
        }

        /// <summary>Fails when both have the same count and equal elements in order.</summary>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            Assert.Check(!SameElements(notExpected, actual), "CollectionAssert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
        }

        /// <summary>Fails unless the collection is empty.</summary>
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.Check(collection != null && collection.Count == 0, "CollectionAssert.Empty", "Actual:<" + Show(collection) + ">.", message);
        }

        /// <summary>Fails when the collection is null or empty.</summary>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.Check(collection != null && collection.Count > 0, "CollectionAssert.NotEmpty", "Actual:<" + Show(collection) + ">.", message);
        }

        private static bool SameElements(ICollection a, ICollection b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }

            if (a.Count != b.Count)
            {
                return false;
            }

            IEnumerator ea = a.GetEnumerator();
            IEnumerator eb = b.GetEnumerator();
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!Equals(ea.Current, eb.Current))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Show(ICollection c)
        {
            if (c == null)
            {
                return "(null)";
            }

            ArrayList items = new ArrayList();
            foreach (object o in c)
            {
                items.Add(Assert.Show(o));
            }

            return "[" + string.Join(", ", (string[])items.ToArray(typeof(string))) + "]";
        }
    }
}
