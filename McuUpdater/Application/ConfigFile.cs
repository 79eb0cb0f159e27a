using System;
using System.IO;
using System.Text;
using McuUpdater.Modem;
using McuUpdater.Protocol;

namespace McuUpdater.Application
{
    /// <summary>Reads the configuration file: one <c>key = value</c> per line, <c>#</c> starts a comment, over the board's defaults.</summary>
    /// <remarks>
    /// Strict on purpose: an unknown key, a repeated key or a value out of range is an error naming
    /// the file and line, and nothing of the file is applied — a typo must not silently fall back
    /// to a default that then flashes the wrong image or never checks the version.
    /// </remarks>
    public static class ConfigFile
    {
        /// <summary>Largest configuration file read (a few dozen lines are expected).</summary>
        public const int MaxFileBytes = 4096;

        /// <summary>
        /// Reads <paramref name="path"/> from <paramref name="storage"/> over <paramref name="defaults"/>;
        /// a missing file means the board defaults. Throws <see cref="ConfigException"/> when the file
        /// is too large, unreadable or has a bad line.
        /// </summary>
        public static UpdaterSettings Load(IDeviceStorage storage, string path, UpdaterSettings defaults)
        {
            if (!storage.Exists(path))
            {
                return Parse(string.Empty, path, defaults);
            }

            byte[] bytes = new byte[MaxFileBytes + 1];
            int n = 0;
            try
            {
                using (Stream stream = storage.OpenRead(path))
                {
                    while (n < bytes.Length)
                    {
                        int got = stream.Read(bytes, n, bytes.Length - n);
                        if (got <= 0)
                        {
                            break;
                        }

                        n += got;
                    }
                }
            }
            catch (IOException e)
            {
                throw new ConfigException(path + ": cannot be read: " + e.Message);
            }

            if (n > MaxFileBytes)
            {
                throw new ConfigException(path + ": larger than " + MaxFileBytes.ToString() + " bytes; is it the right file?");
            }

            // A byte-order mark (Windows editors write one) is not part of the first key.
            int start = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            for (int i = start; i < n; i++)
            {
                // nanoCLR's decoder stops at NUL and throws on invalid UTF-8, .NET's substitutes:
                // refuse both the same way on both runtimes.
                if (bytes[i] == 0)
                {
                    throw new ConfigException(path + ": contains a NUL byte at offset " + i.ToString() + "; is it a text file?");
                }
            }

            string text;
            try
            {
                text = Encoding.UTF8.GetString(bytes, start, n - start);
            }
            catch (Exception e)
            {
                throw new ConfigException(path + ": not UTF-8 text (" + e.Message + ")");
            }

            if (text.IndexOf('\uFFFD') >= 0)
            {
                throw new ConfigException(path + ": not UTF-8 text (save it as UTF-8 or plain ASCII)");
            }

            return Parse(text, path, defaults);
        }

        /// <summary>
        /// Returns <paramref name="defaults"/> overridden by <paramref name="text"/>, the content of
        /// <paramref name="fileName"/>; <paramref name="defaults"/> itself is not changed. Throws
        /// <see cref="ConfigException"/> on the first bad line.
        /// </summary>
        public static UpdaterSettings Parse(string text, string fileName, UpdaterSettings defaults)
        {
            UpdaterSettings s = Copy(defaults == null ? new UpdaterSettings() : defaults);
            string[] lines = text.Split('\n');
            string seen = "|";
            string otaWhere = null;
            for (int i = 0; i < lines.Length; i++)
            {
                string where = fileName + ":" + (i + 1).ToString();
                string line = lines[i];
                int hash = line.IndexOf('#');
                if (hash >= 0)
                {
                    line = line.Substring(0, hash);
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    throw new ConfigException(where + ": expected 'key = value', found \"" + line + "\"");
                }

                string key = line.Substring(0, eq).Trim().ToLower();
                string value = line.Substring(eq + 1).Trim();
                if (seen.IndexOf("|" + key + "|") >= 0)
                {
                    throw new ConfigException(where + ": '" + key + "' is set twice");
                }

                seen = seen + key + "|";
                Apply(s, key, value, where);
                if (key == "ota_host")
                {
                    otaWhere = where;
                }
            }

            CheckFetch(s, otaWhere == null ? fileName : otaWhere);
            return s;
        }

        private static void Apply(UpdaterSettings s, string key, string value, string where)
        {
            switch (key)
            {
                case "mode":
                    string mode = value.ToLower();
                    if (mode == "update")
                    {
                        s.Mode = UpdaterMode.Update;
                    }
                    else if (mode == "relay")
                    {
                        s.Mode = UpdaterMode.Relay;
                    }
                    else if (mode == "bench")
                    {
                        s.Mode = UpdaterMode.Bench;
                    }
                    else
                    {
                        throw new ConfigException(where + ": mode must be update, relay or bench, not \"" + value + "\"");
                    }

                    return;
                case "image":
                    s.ImagePath = Text(value, key, where);
                    return;
                case "expect_version":
                    s.ExpectedVersion = Text(value, key, where);
                    return;
                case "journal":
                    s.JournalFolder = Text(value, key, where);
                    return;
                case "max_block":
                    int block = Number(value, key, where, 2, 0xFFFF - Wire.DataFrameOverhead);
                    if ((block & 1) != 0)
                    {
                        throw new ConfigException(where + ": max_block must be even (blocks are even except the last), not " + value);
                    }

                    s.MaxBlockSize = block;
                    return;
                case "sync_attempts":
                    s.SyncAttempts = Number(value, key, where, 1, 100);
                    return;
                case "max_restarts":
                    s.MaxRestarts = Number(value, key, where, 0, 100);
                    return;
                case "max_attempts":
                    s.MaxAttempts = Number(value, key, where, 0, 10000);
                    return;
                case "check_version":
                    s.CheckVersion = Flag(value, key, where);
                    return;
                case "relay_auto_power":
                    s.RelayAutoPower = Flag(value, key, where);
                    return;
                case "results":
                    s.ResultsPath = Text(value, key, where);
                    return;
                case "apn":
                    s.Apn = AtText(value, key, where);
                    return;
                case "apn_user":
                    s.ApnUser = AtText(value, key, where);
                    return;
                case "apn_password":
                    s.ApnPassword = AtText(value, key, where);
                    return;
                case "at_dialect":
                    string dialect = value.ToLower();
                    if (dialect != "qi" && dialect != "legacy")
                    {
                        throw new ConfigException(where + ": at_dialect must be qi (UGxx, EC2x, BG9x, EC200U) or legacy (M10, M66, M95, MC60, M35), not \"" + value + "\"");
                    }

                    s.AtDialect = dialect == "qi" ? AtDialect.Qi : AtDialect.Legacy;
                    return;
                case "ota_host":
                    s.OtaHost = AtText(value, key, where);
                    if (s.OtaHost.IndexOf(' ') >= 0 || s.OtaHost.IndexOf('/') >= 0 || s.OtaHost.IndexOf(':') >= 0)
                    {
                        throw new ConfigException(where + ": ota_host is a host name or dotted IP only (port and path have their own keys), not \"" + value + "\"");
                    }

                    return;
                case "ota_port":
                    s.OtaPort = Number(value, key, where, 1, 65535);
                    return;
                case "ota_path":
                    s.OtaPath = AtText(value, key, where);
                    if (s.OtaPath[0] != '/' || s.OtaPath.IndexOf(' ') >= 0)
                    {
                        throw new ConfigException(where + ": ota_path must start with '/' and hold no spaces, not \"" + value + "\"");
                    }

                    return;
                case "ota_check_minutes":
                    s.OtaCheckMinutes = Number(value, key, where, 1, 525600);
                    return;
                default:
                    throw new ConfigException(where + ": unknown key '" + key + "' (known: mode, image, expect_version, journal, max_block, sync_attempts, max_restarts, max_attempts, check_version, relay_auto_power, results, apn, apn_user, apn_password, at_dialect, ota_host, ota_port, ota_path, ota_check_minutes)");
            }
        }

        private static string Text(string value, string key, string where)
        {
            if (value.Length == 0)
            {
                throw new ConfigException(where + ": " + key + " needs a value");
            }

            return value;
        }

        // Goes into an AT command between quotes: a quote or a control character would break it.
        private static string AtText(string value, string key, string where)
        {
            Text(value, key, where);
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] == '"' || value[i] < ' ' || value[i] > '~')
                {
                    throw new ConfigException(where + ": " + key + " may hold printable ASCII only, no quotes, not \"" + value + "\"");
                }
            }

            return value;
        }

        // Fetching needs the whole set: where to fetch from, where to store it, what it must be.
        private static void CheckFetch(UpdaterSettings s, string where)
        {
            if (s.OtaHost == null)
            {
                return;
            }

            string missing = s.OtaPath == null ? "ota_path" : s.ImagePath == null ? "image" : s.ExpectedVersion == null ? "expect_version" : s.Apn == null ? "apn" : null;
            if (missing != null)
            {
                throw new ConfigException(where + ": ota_host is set, so " + missing + " is needed too (fetching needs ota_path, image (where the package is stored), expect_version and apn)");
            }
        }

        private static int Number(string value, string key, string where, int min, int max)
        {
            int n;
            if (!int.TryParse(value, out n) || n < min || n > max)
            {
                throw new ConfigException(where + ": " + key + " must be a whole number from " + min.ToString() + " to " + max.ToString() + ", not \"" + value + "\"");
            }

            return n;
        }

        private static bool Flag(string value, string key, string where)
        {
            string v = value.ToLower();
            if (v == "true" || v == "yes" || v == "1")
            {
                return true;
            }

            if (v == "false" || v == "no" || v == "0")
            {
                return false;
            }

            throw new ConfigException(where + ": " + key + " must be true or false, not \"" + value + "\"");
        }

        private static UpdaterSettings Copy(UpdaterSettings d)
        {
            UpdaterSettings s = new UpdaterSettings();
            s.Mode = d.Mode;
            s.ImagePath = d.ImagePath;
            s.ExpectedVersion = d.ExpectedVersion;
            s.JournalFolder = d.JournalFolder;
            s.MaxBlockSize = d.MaxBlockSize;
            s.SyncAttempts = d.SyncAttempts;
            s.MaxRestarts = d.MaxRestarts;
            s.CheckVersion = d.CheckVersion;
            s.MaxAttempts = d.MaxAttempts;
            s.RelayAutoPower = d.RelayAutoPower;
            s.ResultsPath = d.ResultsPath;
            s.Apn = d.Apn;
            s.ApnUser = d.ApnUser;
            s.ApnPassword = d.ApnPassword;
            s.AtDialect = d.AtDialect;
            s.OtaHost = d.OtaHost;
            s.OtaPort = d.OtaPort;
            s.OtaPath = d.OtaPath;
            s.OtaCheckMinutes = d.OtaCheckMinutes;
            return s;
        }
    }
}
