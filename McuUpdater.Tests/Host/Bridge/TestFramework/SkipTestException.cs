using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by <see cref="Assert.SkipTest(string)"/>: the test (or, from Setup, the class) is skipped.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception; only this constructor exists in the nanoFramework list.</summary>
        public SkipTestException(string message, Exception innerException) : base(message, innerException)
        {
        }
    }
}
