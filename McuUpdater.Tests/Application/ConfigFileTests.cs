using McuUpdater.Application;
using McuUpdater.Session;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    [TestClass]
    public class ConfigFileTests
    {
        [TestMethod]
        public void Config_OverridesTheDefaultsItNames()
        {
            string text = "# field unit\r\nmode = update\r\nimage = D:\\fw\\EC21.pkg   # from the card\r\n\r\nexpect_version=EC21EFAR06A01M4G\r\nmax_block = 16372\r\ncheck_version = no\r\nmax_attempts = 0\r\n";
            UpdaterSettings defaults = new UpdaterSettings();
            UpdaterSettings s = ConfigFile.Parse(text, "D:\\mcuupdater.cfg", defaults);
            Assert.AreEqual((int)UpdaterMode.Update, (int)s.Mode, "mode");
            Assert.AreEqual("D:\\fw\\EC21.pkg", s.ImagePath, "image, comment stripped");
            Assert.AreEqual("EC21EFAR06A01M4G", s.ExpectedVersion, "version");
            Assert.AreEqual(16372, s.MaxBlockSize, "block cap");
            Assert.IsFalse(s.CheckVersion, "check_version = no");
            Assert.AreEqual(0, s.MaxAttempts, "never give up");
            Assert.AreEqual("I:\\mcuupdater", s.JournalFolder, "unnamed keys keep the board default");
            Assert.AreEqual(8212, defaults.MaxBlockSize, "the defaults object is not changed");

            UpdateOptions o = s.ToUpdateOptions();
            Assert.AreEqual(16372, o.MaxBlockSize, "options carry the cap");
            Assert.AreEqual("EC21EFAR06A01M4G", o.ExpectedVersion, "and the version");
            Assert.IsFalse(o.CheckVersion, "and the check");
        }

        [TestMethod]
        public void Config_LoadsFromStorage_MissingFileMeansBoardDefaults()
        {
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            UpdaterSettings defaults = new UpdaterSettings();
            defaults.ImagePath = "I:\\fw.pkg";
            UpdaterSettings none = ConfigFile.Load(storage, "D:\\mcuupdater.cfg", defaults);
            Assert.AreEqual("I:\\fw.pkg", none.ImagePath, "board default when there is no file");

            storage.Put("D:\\mcuupdater.cfg", System.Text.Encoding.UTF8.GetBytes("image = D:\\new.pkg\n"));
            Assert.AreEqual("D:\\new.pkg", ConfigFile.Load(storage, "D:\\mcuupdater.cfg", defaults).ImagePath, "the file wins");

            storage.Put("D:\\mcuupdater.cfg", new byte[ConfigFile.MaxFileBytes + 1]);
            string message = null;
            try
            {
                ConfigFile.Load(storage, "D:\\mcuupdater.cfg", defaults);
            }
            catch (ConfigException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message, "an oversized file is refused");
            Assert.IsTrue(message.IndexOf("D:\\mcuupdater.cfg: larger than") == 0, message);
        }

        [TestMethod]
        public void Config_ByteOrderMarkIsSkipped_NonUtf8AndBinaryAreRefused()
        {
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            storage.Put("cfg", new byte[] { 0xEF, 0xBB, 0xBF, (byte)'m', (byte)'o', (byte)'d', (byte)'e', (byte)'=', (byte)'r', (byte)'e', (byte)'l', (byte)'a', (byte)'y' });
            Assert.AreEqual((int)UpdaterMode.Relay, (int)ConfigFile.Load(storage, "cfg", null).Mode, "a BOM before the first key");

            // "# caf\xE9" saved as Latin-1, and a binary file.
            storage.Put("latin1", new byte[] { (byte)'#', (byte)' ', (byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)'\n' });
            storage.Put("binary", new byte[] { (byte)'m', 0, 0, 0 });
            Assert.AreEqual("latin1: not UTF-8 text", Refusal(storage, "latin1", 22), "Latin-1 is refused on both runtimes");
            Assert.AreEqual("binary: contains a NUL byte", Refusal(storage, "binary", 27), "a binary file is refused");
        }

        private static string Refusal(MemoryDeviceStorage storage, string path, int prefix)
        {
            try
            {
                ConfigFile.Load(storage, path, null);
            }
            catch (ConfigException e)
            {
                return e.Message.Length >= prefix ? e.Message.Substring(0, prefix) : e.Message;
            }

            return "accepted";
        }

        [TestMethod]
        public void Config_RelayMode()
        {
            UpdaterSettings s = ConfigFile.Parse("MODE = Relay\nrelay_auto_power = false", "cfg", null);
            Assert.AreEqual((int)UpdaterMode.Relay, (int)s.Mode, "keys and values are case-insensitive where they are words");
            Assert.IsFalse(s.RelayAutoPower, "auto power off");

            UpdaterSettings bench = ConfigFile.Parse("mode = bench\nresults = D:\\line2.csv", "cfg", null);
            Assert.AreEqual((int)UpdaterMode.Bench, (int)bench.Mode, "bench mode");
            Assert.AreEqual("D:\\line2.csv", bench.ResultsPath, "results file");
        }

        [TestMethod]
        [DataRow("mtu = 1024", "cfg:1: unknown key 'mtu'")]
        [DataRow("image D:\\fw.pkg", "cfg:1: expected 'key = value'")]
        [DataRow("mode = flash", "cfg:1: mode must be update, relay or bench")]
        [DataRow("# ok\nmax_block = 1013", "cfg:2: max_block must be even")]
        [DataRow("max_block = 99999", "cfg:1: max_block must be a whole number from 2 to")]
        [DataRow("sync_attempts = three", "cfg:1: sync_attempts must be a whole number")]
        [DataRow("check_version = maybe", "cfg:1: check_version must be true or false")]
        [DataRow("image =", "cfg:1: image needs a value")]
        [DataRow("image = a.pkg\nimage = b.pkg", "cfg:2: 'image' is set twice")]
        public void Config_BadLinesAreNamed(string text, string expected)
        {
            UpdaterSettings defaults = new UpdaterSettings();
            string message = null;
            try
            {
                ConfigFile.Parse(text, "cfg", defaults);
            }
            catch (ConfigException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message, "refused: " + text);
            Assert.IsTrue(message.IndexOf(expected) == 0, "message \"" + message + "\" starts with \"" + expected + "\"");
        }
    }
}
