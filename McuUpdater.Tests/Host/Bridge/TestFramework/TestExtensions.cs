using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Array comparison helper, as in nanoFramework.TestFramework.</summary>
    public static class TestExtensions
    {
        /// <summary>True when both arrays have the same length and equal elements (both null counts as equal).</summary>
        public static bool SequenceEqual(this Array array1, Array array2)
        {
            if (array1 == null || array2 == null)
            {
                return array1 == array2;
            }

            if (array1.Length != array2.Length)
            {
                return false;
            }

            for (int i = 0; i < array1.Length; i++)
            {
                if (!Equals(array1.GetValue(i), array2.GetValue(i)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
