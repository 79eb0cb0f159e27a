using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Test-naming helper kept for API parity with nanoFramework.</summary>
    public static class Helper
    {
        /// <summary>True when the attributes include a <see cref="DataRowAttribute"/>: the plain method then is not a case of its own.</summary>
        public static bool RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            if (attribs == null)
            {
                return false;
            }

            foreach (object a in attribs)
            {
                if (a is DataRowAttribute)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
