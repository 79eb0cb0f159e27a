using McuUpdater.Application;
using McuUpdater.Fetch;
using McuUpdater.Modem;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    /// <summary>The configuration keys of the field fetch: APN and credentials, dialect, server, path, check interval.</summary>
    [TestClass]
    public class ConfigFetchKeysTests
    {
        private const string Fetching = "image = D:\\fw\\EC21.pkg\nexpect_version = EC21EFAR06A01M4G\napn = internet.example\napn_user = iot\napn_password = s3cret\nat_dialect = legacy\nota_host = fw.example.com\nota_port = 8080\nota_path = /fw/EC21.pkg\nota_check_minutes = 360\n";

        [TestMethod]
        public void Config_FetchKeysReachTheModemAndFetchOptions()
        {
            UpdaterSettings s = ConfigFile.Parse(Fetching, "D:\\mcuupdater.cfg", null);
            Assert.IsTrue(s.FetchConfigured, "ota_host set");
            Assert.AreEqual(360, s.OtaCheckMinutes, "check interval");
            ModemSettings m = s.ToModemSettings();
            Assert.AreEqual((int)AtDialect.Legacy, (int)m.Dialect, "dialect");
            Assert.AreEqual("internet.example", m.Apn, "apn");
            Assert.AreEqual("iot", m.User, "user");
            Assert.AreEqual("s3cret", m.Password, "password");
            FetchOptions f = s.ToFetchOptions();
            Assert.AreEqual("fw.example.com", f.Host, "host");
            Assert.AreEqual(8080, f.Port, "port");
            Assert.AreEqual("/fw/EC21.pkg", f.Path, "path");
            Assert.AreEqual("D:\\fw\\EC21.pkg", f.PackagePath, "stored where image points");
            Assert.AreEqual("D:\\fw\\EC21.pkg.part", f.PartPath, "the part beside it");
            Assert.AreEqual("EC21EFAR06A01M4G", f.ExpectedVersion, "the expected version");
        }

        [TestMethod]
        public void Config_DefaultsFetchNothing()
        {
            UpdaterSettings s = ConfigFile.Parse("image = D:\\a.pkg\n", "x.cfg", null);
            Assert.IsFalse(s.FetchConfigured, "no ota_host, no fetching");
            Assert.AreEqual((int)AtDialect.Qi, (int)s.AtDialect, "qi by default");
            Assert.AreEqual(80, s.OtaPort, "port 80");
            Assert.AreEqual(1440, s.OtaCheckMinutes, "once a day");
        }

        [TestMethod]
        [DataRow("at_dialect = gsm\n", "x.cfg:1: at_dialect must be qi")]
        [DataRow("\nota_port = 70000\n", "x.cfg:2: ota_port must be a whole number from 1 to 65535")]
        [DataRow("ota_path = fw.pkg\n", "x.cfg:1: ota_path must start with '/'")]
        [DataRow("apn = \"web\"\n", "x.cfg:1: apn may hold printable ASCII only")]
        [DataRow("ota_host = http://fw.example.com/\n", "x.cfg:1: ota_host is a host name or dotted IP only")]
        [DataRow("ota_check_minutes = 0\n", "x.cfg:1: ota_check_minutes must be a whole number")]
        [DataRow("image = D:\\a.pkg\n\nota_host = fw.example.com\nota_path = /a.pkg\napn = web\n", "x.cfg:3: ota_host is set, so expect_version is needed too")]
        [DataRow("ota_host = fw.example.com\n", "x.cfg:1: ota_host is set, so ota_path is needed too")]
        public void Config_BadFetchKeyNamesFileAndLine(string text, string expected)
        {
            string message = null;
            try
            {
                ConfigFile.Parse(text, "x.cfg", null);
            }
            catch (ConfigException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message, "refused: " + text);
            Assert.IsTrue(message.IndexOf(expected) == 0, message);
        }
    }
}
