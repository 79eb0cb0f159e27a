using System;
using System.IO;
using System.Text;

namespace McuUpdater.Application
{
    /// <summary>The results log as a CSV file, written with a header when it is new.</summary>
    public sealed class FileResultsLog : IResultsLog
    {
        // Enough for the header and for any one results line (the detail is a sentence, not a dump).
        private const int TailBytes = 1024;

        private readonly string _path;
        private readonly object _lock = new object();

        /// <summary>Appends to <paramref name="path"/> (e.g. <c>D:\results.csv</c>).</summary>
        public FileResultsLog(string path)
        {
            _path = path;
        }

        /// <summary>The file.</summary>
        public string Path
        {
            get { return _path; }
        }

        /// <inheritdoc />
        public int Open()
        {
            lock (_lock)
            {
                string head = null;
                string tail = null;
                try
                {
                    // Opening for append fails on a missing folder, a read-only file or a full card
                    // before any module is touched; it also creates the file.
                    using (FileStream file = new FileStream(_path, FileMode.Append, FileAccess.Write))
                    {
                        if (file.Length == 0)
                        {
                            byte[] header = Encoding.UTF8.GetBytes(BenchRig.ResultsHeader + "\r\n");
                            file.Write(header, 0, header.Length);
                            file.Flush();
                            return 0;
                        }
                    }

                    using (FileStream file = new FileStream(_path, FileMode.Open, FileAccess.Read))
                    {
                        head = ReadText(file, 0);
                        tail = ReadText(file, file.Length > TailBytes ? file.Length - TailBytes : 0);
                    }
                }
                catch (Exception e)
                {
                    // IOException, or on a PC UnauthorizedAccessException for a read-only file.
                    throw new IOException("results log " + _path + " cannot be written: " + e.Message);
                }

                int end = head.IndexOf('\n');
                string first = (end >= 0 ? head.Substring(0, end) : head).TrimEnd(new char[] { '\r' });
                if (first != BenchRig.ResultsHeader)
                {
                    throw new IOException("results log " + _path + " has other columns (" + first + "), not " + BenchRig.ResultsHeader + ": give a new file");
                }

                return LastRound(tail);
            }
        }

        /// <inheritdoc />
        public void Append(string line)
        {
            lock (_lock)
            {
                try
                {
                    File.AppendAllText(_path, line + "\r\n");
                }
                catch (Exception e)
                {
                    throw new IOException("results log " + _path + ": a line was not written (" + e.Message + ")");
                }
            }
        }

        /// <summary>The round of the last results line in <paramref name="tail"/>, 0 when it holds none.</summary>
        public static int LastRound(string tail)
        {
            string[] lines = tail.Split(new char[] { '\n' });
            for (int i = lines.Length - 1; i >= 0; i--)
            {
                string line = lines[i].TrimEnd(new char[] { '\r' });
                int comma = line.IndexOf(',');
                int round;
                if (comma > 0 && int.TryParse(line.Substring(0, comma), out round) && round > 0)
                {
                    return round;
                }
            }

            return 0;
        }

        private static string ReadText(FileStream file, long from)
        {
            byte[] buffer = new byte[TailBytes];
            file.Seek(from, SeekOrigin.Begin);
            int n = 0;
            while (n < buffer.Length)
            {
                int got = file.Read(buffer, n, buffer.Length - n);
                if (got <= 0)
                {
                    break;
                }

                n += got;
            }

            return new string(Encoding.UTF8.GetChars(buffer, 0, n));
        }
    }
}
