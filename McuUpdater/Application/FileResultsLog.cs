using System.IO;

namespace McuUpdater.Application
{
    /// <summary>The results log as a CSV file, written with a header when it is new.</summary>
    public sealed class FileResultsLog : IResultsLog
    {
        private readonly string _path;
        private readonly object _lock = new object();

        /// <summary>Appends to <paramref name="path"/> (e.g. <c>D:\results.csv</c>).</summary>
        public FileResultsLog(string path)
        {
            _path = path;
        }

        /// <inheritdoc />
        public void Append(string line)
        {
            lock (_lock)
            {
                if (!File.Exists(_path))
                {
                    File.AppendAllText(_path, BenchRig.ResultsHeader + "\r\n");
                }

                File.AppendAllText(_path, line + "\r\n");
            }
        }
    }
}
