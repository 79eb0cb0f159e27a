using System;
using System.Collections.Generic;
using System.Threading;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>The largest live set one nano-style test class reached on the host, in bytes.</summary>
    public sealed class LiveSet
    {
        /// <summary>Creates a figure.</summary>
        public LiveSet(Type testClass, long peak, string peakCase, long retained, int samples)
        {
            TestClass = testClass;
            Peak = peak;
            PeakCase = peakCase;
            Retained = retained;
            Samples = samples;
        }

        /// <summary>The class.</summary>
        public Type TestClass { get; }

        /// <summary>Largest sampled live heap above the class's starting point.</summary>
        public long Peak { get; }

        /// <summary>The case running when the peak was sampled.</summary>
        public string PeakCase { get; }

        /// <summary>Live heap left above the starting point after the class's Cleanup (static state kept).</summary>
        public long Retained { get; }

        /// <summary>Number of full collections sampled.</summary>
        public int Samples { get; }
    }

    /// <summary>
    /// Measures the live set of a test class: runs its cases the launcher's way on this thread while
    /// another thread keeps forcing full blocking collections and reads the live size each one
    /// recorded (heap minus fragmentation, GC.GetGCMemoryInfo), so every sample is what survived at
    /// that instant: the objects the test holds. Short cases are repeated until enough samples fell
    /// inside them. Run it with nothing else in the process (the heap report runs alone, filtered).
    /// </summary>
    public static class LiveSetMeter
    {
        /// <summary>Samples wanted while each case runs.</summary>
        public const int SamplesPerCase = 40;

        /// <summary>How often a short case is run again to get them.</summary>
        public const int MaxRepeats = 200;

        /// <summary>Runs every case of <paramref name="testClass"/> and returns its largest live set.</summary>
        public static LiveSet Measure(Type testClass)
        {
            long baseline = LiveAfterFullCollection();
            long peak = 0;
            int samples = 0;
            string current = string.Empty;
            string peakCase = string.Empty;
            object gate = new object();
            bool running = true;
            Thread sampler = new Thread(() =>
            {
                while (Volatile.Read(ref running))
                {
                    // The size the collection itself recorded when it ended: reading the heap afterwards
                    // would count what the test thread allocated in between.
                    // Finalizable garbage (wait handles of pipes a repeated case made) survives one
                    // collection; finalizing it first keeps it out of the sample.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                    long v = info.HeapSizeBytes - info.FragmentedBytes;
                    lock (gate)
                    {
                        samples++;
                        if (v - baseline > peak)
                        {
                            peak = v - baseline;
                            peakCase = current;
                        }
                    }
                }
            });
            sampler.IsBackground = true;
            sampler.Start();
            NanoTestRunner runner = new NanoTestRunner();
            foreach (NanoCase c in NanoTestRunner.DiscoverClass(testClass))
            {
                int before;
                lock (gate)
                {
                    current = c.DisplayName;
                    before = samples;
                }

                runner.Run(c);

                // Most cases take a few milliseconds, a handful of collections: run them again until
                // enough samples fell inside (their failures here are not the question).
                for (int again = 0; again < MaxRepeats && Volatile.Read(ref samples) - before < SamplesPerCase; again++)
                {
                    try
                    {
                        LauncherRules.InvokeWithoutInstance(c.Method, c.Args.Length == 0 ? null : c.Args);
                    }
                    catch (Exception)
                    {
                        break;
                    }
                }
            }

            runner.CleanupAll();
            Volatile.Write(ref running, false);
            sampler.Join();
            long retained = LiveAfterFullCollection() - baseline;
            return new LiveSet(testClass, peak, peakCase, retained, samples);
        }

        private static long LiveAfterFullCollection()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            return info.HeapSizeBytes - info.FragmentedBytes;
        }

        /// <summary>Measures every class in <paramref name="classes"/>, largest first.</summary>
        public static List<LiveSet> MeasureAll(IEnumerable<Type> classes)
        {
            List<LiveSet> all = new List<LiveSet>();
            foreach (Type t in classes)
            {
                // Other threads of the process (JIT, the test host, threads a test just ended) hold
                // memory now and then too; that noise only adds, so the lowest of three runs is the
                // class's own figure.
                LiveSet best = Measure(t);
                for (int run = 1; run < 3; run++)
                {
                    LiveSet again = Measure(t);
                    if (again.Peak < best.Peak)
                    {
                        best = again;
                    }
                }

                all.Add(best);
            }

            all.Sort((a, b) => b.Peak.CompareTo(a.Peak));
            return all;
        }
    }
}
