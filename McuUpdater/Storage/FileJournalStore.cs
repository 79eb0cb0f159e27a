using System.IO;

namespace McuUpdater.Storage
{
    /// <summary>Journal slots as two files in a folder (SD card <c>D:\</c> or internal flash <c>I:\</c> on the device).</summary>
    public sealed class FileJournalStore : IJournalStore
    {
        private readonly string _folder;
        private readonly string[] _paths = new string[2];

        /// <summary>Keeps the journal in <paramref name="folder"/> (created on the first write) as <c>journal.0</c> and <c>journal.1</c>.</summary>
        public FileJournalStore(string folder)
        {
            _folder = folder;
            _paths[0] = Path.Combine(folder, "journal.0");
            _paths[1] = Path.Combine(folder, "journal.1");
        }

        /// <inheritdoc />
        public string Name
        {
            get { return _folder; }
        }

        /// <inheritdoc />
        public int Read(int slot, byte[] buffer)
        {
            string path = _paths[slot];
            if (!File.Exists(path))
            {
                return 0;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                int total = 0;
                while (total < buffer.Length)
                {
                    int n = stream.Read(buffer, total, buffer.Length - total);
                    if (n <= 0)
                    {
                        break;
                    }

                    total += n;
                }

                return total;
            }
        }

        /// <inheritdoc />
        public void Write(int slot, byte[] buffer, int count)
        {
            if (!Directory.Exists(_folder))
            {
                Directory.CreateDirectory(_folder);
            }

            using (FileStream stream = new FileStream(_paths[slot], FileMode.Create, FileAccess.Write))
            {
                stream.Write(buffer, 0, count);
                stream.Flush();
            }
        }
    }
}
