using McuUpdater.Fetch;
using McuUpdater.Modem;
using McuUpdater.Storage;
using McuUpdater.Tests.Application;
using McuUpdater.Tests.Engine;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Fetch
{
    /// <summary>The HTTP fetcher against an in-memory server and socket: streaming, resume, the status rules, verification before replacing.</summary>
    [TestClass]
    public class PackageFetcherTests
    {
        private const string PackagePath = "D:\\fw\\module.pkg";
        private const string PartPath = "D:\\fw\\module.pkg.part";
        private const string ServerPath = "/fw/module.pkg";

        [TestMethod]
        public void Fetch_StreamsThePackageToStorageAndVerifiesIt()
        {
            byte[] package = Package(20000, 1);
            Rig rig = new Rig(package);
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "the package, byte for byte");
            Assert.IsFalse(rig.Storage.Exists(PartPath), "the part file became the package");
            Assert.AreEqual(1, rig.Net.Opens, "one connection");
            Assert.AreEqual(-1L, rig.Net.RangeOf(0), "no Range on a fresh fetch");
            Assert.AreEqual((long)package.Length, r.PackageLength, "length from Content-Length");
            Assert.AreEqual(EngineRig.NewVersion, r.Version, "version verified");
            string request = (string)rig.Net.Server.Requests[0];
            Assert.IsTrue(request.IndexOf("GET " + ServerPath + " HTTP/1.1\r\n") == 0, request);
            Assert.IsTrue(request.IndexOf("\r\nHost: example.com:8080\r\n") > 0, request);
            Assert.IsTrue(request.IndexOf("\r\nConnection: close\r\n") > 0, request);
            Assert.IsFalse(rig.Journal().IsFetching, "the journal's fetch ended");
            Assert.AreEqual("fetch Fetched", McuUpdater.Session.OutcomeNames.OfJournal(rig.Journal()), "and says how");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(66)]
        [DataRow(1500)]
        [DataRow(9999)]
        [DataRow(11999)]
        public void Fetch_ResumesWithRangeAfterACut(int cutAt)
        {
            // 12 KB: package, stored part file and its copy fit a board's heap; cuts from the first
            // byte to the last but one.
            byte[] package = Package(12000, 2);
            Rig rig = new Rig(package);
            rig.Net.Server.CloseAfterBodyBytes = cutAt;
            rig.Net.Server.FaultyRequests = 1;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual(2, rig.Net.Opens, "a second connection");
            Assert.AreEqual((long)cutAt, rig.Net.RangeOf(1), "resumed from the bytes stored");
            Assert.AreEqual((long)package.Length, rig.Net.BodyBytesSent, "no byte fetched twice");
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "byte for byte");
        }

        [TestMethod]
        [DataRow(700)]
        [DataRow(12345)]
        public void Fetch_ResumesAfterAnMcuResetFromTheStoredBytes(int resetAt)
        {
            byte[] package = Package(20000, 3);
            Rig rig = new Rig(package);
            PackageFetcher first = rig.Fetcher();
            ResetAt reset = new ResetAt(first, resetAt);
            first.Progress += reset.OnProgress;
            Expect(FetchOutcome.Cancelled, first.Fetch());
            long stored = rig.Storage.LengthOf(PartPath);
            Assert.IsTrue(stored >= resetAt && stored < package.Length, "a part is stored: " + stored.ToString());
            Assert.IsFalse(rig.Storage.Exists(PackagePath), "no package yet");
            Assert.IsTrue(rig.Journal().IsFetching, "the journal says a fetch is under way");
            Assert.AreEqual((long)package.Length, rig.Journal().ImageLength, "with the package's length");

            // The MCU starts again: new objects over the same storage and journal store.
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual(stored, r.ResumedFrom, "resumed from what was stored");
            Assert.AreEqual(stored, rig.Net.RangeOf(1), "with a Range");
            Assert.AreEqual(2, rig.Journal().Attempts, "two fetch runs journaled");
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "byte for byte");
        }

        [TestMethod]
        public void Fetch_ServerIgnoringRangeStartsThePartAgain()
        {
            byte[] package = Package(12000, 4);
            Rig rig = new Rig(package);
            rig.Net.Server.CloseAfterBodyBytes = 5000;
            rig.Net.Server.FaultyRequests = 1;
            rig.Net.Server.IgnoreRange = true;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual(5000L, rig.Net.RangeOf(1), "asked from 5000");
            Assert.AreEqual(1, r.RestartsFromZero, "took the 200 from byte 0");
            Assert.AreEqual(2, rig.Net.Opens, "the 200 itself was the rest: no third connection");
            Assert.AreEqual(5000L + package.Length, r.BodyBytes, "the cut part, then the whole file once");
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "byte for byte, no duplicated head");
        }

        [TestMethod]
        public void Fetch_206FromAnotherOffsetStartsFromZero()
        {
            byte[] package = Package(12000, 5);
            Rig rig = new Rig(package);
            rig.Net.Server.CloseAfterBodyBytes = 4000;
            rig.Net.Server.FaultyRequests = 1;
            rig.Net.Server.RangeShift = 100;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual(4000L, rig.Net.RangeOf(1), "asked from 4000, got 4100");
            Assert.AreEqual(-1L, rig.Net.RangeOf(2), "then the whole file without Range");
            Assert.AreEqual(1, r.RestartsFromZero, "one restart from 0");
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "byte for byte");
        }

        [TestMethod]
        [DataRow(404, (int)FetchOutcome.NotFound)]
        [DataRow(500, (int)FetchOutcome.ServerError)]
        [DataRow(503, (int)FetchOutcome.ServerError)]
        [DataRow(403, (int)FetchOutcome.HttpRefused)]
        [DataRow(416, (int)FetchOutcome.HttpRefused)]
        public void Fetch_StatusEndsInItsNamedOutcome(int status, int outcome)
        {
            Rig rig = new Rig(Package(3000, 6));
            rig.Net.Server.ForceStatus = status;
            FetchResult r = rig.Fetch();
            Expect((FetchOutcome)outcome, r);
            Assert.IsTrue(r.Detail.IndexOf("HTTP/1.1 " + status.ToString()) >= 0, "the status line is named: " + r.Detail);
            Assert.AreEqual(1, rig.Net.Opens, "not retried");
            Assert.IsFalse(rig.Storage.Exists(PackagePath), "nothing stored");
        }

        [TestMethod]
        public void Fetch_WrongPathIsNotFound()
        {
            Rig rig = new Rig(Package(3000, 7));
            rig.Net.Server.Path = "/other.pkg";
            Expect(FetchOutcome.NotFound, rig.Fetch());
        }

        [TestMethod]
        public void Fetch_416WithTheWholeFileStoredVerifiesIt()
        {
            byte[] package = Package(6000, 8);
            Rig rig = new Rig(package);
            rig.Storage.Put(PartPath, package);
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual((long)package.Length, rig.Net.RangeOf(0), "asked for what follows the whole file");
            Assert.AreEqual(0L, r.BodyBytes, "nothing fetched again");
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "the part became the package");
        }

        [TestMethod]
        public void Fetch_ShortBodyIsACutNeverAFinishedFile()
        {
            byte[] package = Package(9000, 9);
            Rig rig = new Rig(package);
            rig.Net.Server.ShortBodyBy = 10;
            rig.Net.Server.FaultyRequests = 1;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual((long)(package.Length - 10), rig.Net.RangeOf(1), "the missing tail was asked for");
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "byte for byte");
        }

        [TestMethod]
        public void Fetch_ShortBodyEveryTimeEndsInterruptedWithThePartKept()
        {
            byte[] package = Package(9000, 10);
            Rig rig = new Rig(package);
            rig.Net.Server.ShortBodyBy = 10;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Interrupted, r);
            Assert.AreEqual((long)(package.Length - 10), rig.Storage.LengthOf(PartPath), "what came is kept for the next fetch");
            Assert.IsFalse(rig.Storage.Exists(PackagePath), "never taken as the package");
            Assert.IsTrue(rig.Journal().IsFetching, "the journal keeps the fetch open");
        }

        [TestMethod]
        public void Fetch_ChunkedAnswerIsRefused()
        {
            Rig rig = new Rig(Package(3000, 11));
            rig.Net.Server.Chunked = true;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.BadResponse, r);
            Assert.IsTrue(r.Detail.IndexOf("chunked") >= 0, r.Detail);
        }

        [TestMethod]
        public void Fetch_CorruptPackageIsRefusedAndTheGoodPackageKept()
        {
            byte[] good = Package(5000, 12);
            byte[] corrupt = Package(8000, 13);
            corrupt[corrupt.Length - 100] ^= 0x01;
            Rig rig = new Rig(corrupt);
            rig.Storage.Put(PackagePath, good);
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.PackageRejected, r);
            Assert.IsTrue(r.Detail.IndexOf("CRC") >= 0, r.Detail);
            Assert.IsTrue(Same(good, rig.Storage.Content(PackagePath)), "the good package is still there, unchanged");
            Assert.IsFalse(rig.Storage.Exists(PartPath), "the refused part is gone");
            Assert.AreEqual(0, rig.Storage.Replaces, "nothing was renamed");
            Assert.IsFalse(rig.Journal().IsFetching, "the fetch ended");
        }

        [TestMethod]
        public void Fetch_PackageOfAnotherVersionIsRefused()
        {
            Rig rig = new Rig(QuecFotaPackageWriter.Build(EngineRig.Image(4000, 14), "OTHER01"));
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.PackageRejected, r);
            Assert.IsTrue(r.Detail.IndexOf("OTHER01") >= 0, r.Detail);
        }

        [TestMethod]
        public void Fetch_ResumedPartThatFailsVerificationIsFetchedAgainFromZero()
        {
            byte[] package = Package(8000, 15);
            Rig rig = new Rig(package);
            byte[] stale = new byte[3000];
            System.Array.Copy(package, stale, stale.Length);
            stale[2000] ^= 0xFF;
            rig.Storage.Put(PartPath, stale);
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual(1, r.RestartsFromZero, "one clean download decided");
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "byte for byte");
        }

        [TestMethod]
        public void Fetch_FileChangedOnTheServerUnderAResumeStartsFromZero()
        {
            byte[] package = Package(10000, 16);
            Rig rig = new Rig(package);
            PackageFetcher first = rig.Fetcher();
            first.Progress += new ResetAt(first, 3000).OnProgress;
            Expect(FetchOutcome.Cancelled, first.Fetch());

            byte[] newer = Package(11000, 17);
            rig.Net.Server.Body = newer;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual(1, r.RestartsFromZero, "the stored bytes belonged to the old file");
            Assert.IsTrue(Same(newer, rig.Storage.Content(PackagePath)), "the new file, byte for byte");
        }

        [TestMethod]
        public void Fetch_PdpDroppedMidDownloadBringsTheNetworkUpAgainAndResumes()
        {
            byte[] package = Package(10000, 18);
            Rig rig = new Rig(package);
            rig.Net.DropPdpAtBodyByte = 4500;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.Fetched, r);
            Assert.AreEqual(2, rig.Net.BringUps, "brought up again after the drop");
            Assert.AreEqual(4500L, rig.Net.RangeOf(1), "resumed where it dropped");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(1500)]
        public void Fetch_ShortReadCountsAreStreamedWhole(int readChunk)
        {
            byte[] package = Package(7000, 19);
            Rig rig = new Rig(package);
            rig.Net.ReadChunk = readChunk;
            Expect(FetchOutcome.Fetched, rig.Fetch());
            Assert.IsTrue(Same(package, rig.Storage.Content(PackagePath)), "byte for byte");
        }

        [TestMethod]
        public void Fetch_ConnectFailureEndsNetworkFailedAfterTheStallLimit()
        {
            Rig rig = new Rig(Package(3000, 20));
            rig.Net.OpenFailure = SocketOutcome.ConnectFailed;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.NetworkFailed, r);
            Assert.AreEqual((int)SocketOutcome.ConnectFailed, (int)r.Socket, "the socket's reason");
            Assert.IsTrue(r.Detail.IndexOf("566") >= 0, "what the module said: " + r.Detail);
            Assert.AreEqual(3, rig.Net.Opens, "three tries");
        }

        [TestMethod]
        public void Fetch_UrlLongerThanOneSendIsRefusedBeforeAnyConnection()
        {
            Rig rig = new Rig(Package(3000, 21));
            string path = "/";
            while (path.Length < 1500)
            {
                path = path + "abcdefghij";
            }

            rig.Options.Path = path;
            FetchResult r = rig.Fetch();
            Expect(FetchOutcome.BadRequest, r);
            Assert.AreEqual(0, rig.Net.Opens, "no connection");
        }

        internal static byte[] Package(int firmwareLength, uint seed)
        {
            return QuecFotaPackageWriter.Build(EngineRig.Image(firmwareLength, seed), EngineRig.NewVersion);
        }

        internal static bool Same(byte[] a, byte[] b)
        {
            return a != null && b != null && a.Length == b.Length && Bytes.Same(a, 0, b, 0, a.Length);
        }

        internal static void Expect(FetchOutcome expected, FetchResult r)
        {
            Assert.AreEqual((int)expected, (int)r.Outcome, "outcome " + FetchOutcomeNames.Name(r.Outcome) + " (" + r.Detail + ")");
        }

        /// <summary>Stops a fetch once it stored a given count (a stand-in for an MCU reset).</summary>
        internal sealed class ResetAt
        {
            private readonly PackageFetcher _fetcher;
            private readonly long _at;

            public ResetAt(PackageFetcher fetcher, long at)
            {
                _fetcher = fetcher;
                _at = at;
            }

            public void OnProgress(object sender, long stored, long total)
            {
                if (stored >= _at)
                {
                    _fetcher.Cancel();
                }
            }
        }

        /// <summary>Server, storage, journal store and clock that outlive one fetcher (an MCU reset makes a new one).</summary>
        private sealed class Rig
        {
            public readonly ManualClock Clock = new ManualClock();
            public readonly MemoryDeviceStorage Storage = new MemoryDeviceStorage();
            public readonly MemoryJournalStore Store = new MemoryJournalStore();
            public readonly FakeHttpNetwork Net;
            public readonly FetchOptions Options = new FetchOptions();

            public Rig(byte[] served)
            {
                Net = new FakeHttpNetwork(served, ServerPath, Clock);
                Options.Host = "example.com";
                Options.Port = 8080;
                Options.Path = ServerPath;
                Options.PackagePath = PackagePath;
                Options.ExpectedVersion = EngineRig.NewVersion;
            }

            public UpdateJournal Journal()
            {
                return new UpdateJournal(Store);
            }

            public PackageFetcher Fetcher()
            {
                return new PackageFetcher(Net, Storage, Journal(), Clock, Options);
            }

            public FetchResult Fetch()
            {
                return Fetcher().Fetch();
            }
        }
    }
}
