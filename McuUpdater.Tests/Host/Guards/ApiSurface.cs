using System;
using System.Collections.Generic;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>The nanoFramework API lists as one surface: exact ids plus, per type, the names of its listed methods.</summary>
    public sealed class ApiSurface
    {
        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _methodNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        /// <summary>Builds the surface from list lines ("id&lt;TAB&gt;signature"; blank lines and '#' comments ignored).</summary>
        public ApiSurface(IEnumerable<string> lines)
        {
            foreach (string raw in lines)
            {
                string id = raw.Split('\t')[0].Trim();
                if (id.Length == 0 || id.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                _ids.Add(id);
                if (id.StartsWith("M:", StringComparison.Ordinal))
                {
                    string name = id.Substring(2);
                    int paren = name.IndexOf('(');
                    if (paren >= 0)
                    {
                        name = name.Substring(0, paren);
                    }

                    int dot = name.LastIndexOf('.');
                    string type = name.Substring(0, dot);
                    HashSet<string> names;
                    if (!_methodNames.TryGetValue(type, out names))
                    {
                        names = new HashSet<string>(StringComparer.Ordinal);
                        _methodNames.Add(type, names);
                    }

                    names.Add(name.Substring(dot + 1));
                }
            }
        }

        /// <summary>True when the exact id is listed.</summary>
        public bool Has(string id)
        {
            return _ids.Contains(id);
        }

        /// <summary>True when type <paramref name="typeName"/> (doc id without "T:") has a listed method named <paramref name="name"/> ("#ctor" for constructors).</summary>
        public bool HasMethod(string typeName, string name)
        {
            HashSet<string> names;
            return _methodNames.TryGetValue(typeName, out names) && names.Contains(name);
        }
    }
}
