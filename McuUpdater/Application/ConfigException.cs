using System;

namespace McuUpdater.Application
{
    /// <summary>A configuration file that cannot be used; the message names the file, the line and what is wrong.</summary>
    public sealed class ConfigException : Exception
    {
        /// <summary>Creates the error.</summary>
        public ConfigException(string message)
            : base(message)
        {
        }
    }
}
