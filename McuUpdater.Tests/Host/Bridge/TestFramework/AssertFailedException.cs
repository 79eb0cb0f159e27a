using System;

namespace TestFrameworkShared
{
    /// <summary>Thrown by a failing assertion (same type and namespace as on nanoFramework).</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception with no message.</summary>
        public AssertFailedException()
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        public AssertFailedException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception with a message and its cause.</summary>
        public AssertFailedException(string message, Exception ex) : base(message, ex)
        {
        }
    }
}
