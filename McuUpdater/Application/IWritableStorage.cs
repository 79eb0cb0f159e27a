using System.IO;

namespace McuUpdater.Application
{
    /// <summary>Device storage the package fetcher writes to: a part file that grows, then replaces the package.</summary>
    public interface IWritableStorage : IDeviceStorage
    {
        /// <summary>Bytes in <paramref name="path"/>, or -1 when there is no such file.</summary>
        long LengthOf(string path);

        /// <summary>Opens <paramref name="path"/> for writing at its end, creating it (and its folder) when missing.</summary>
        Stream OpenAppend(string path);

        /// <summary>Removes <paramref name="path"/>; nothing happens when it does not exist.</summary>
        void Delete(string path);

        /// <summary>Makes <paramref name="source"/> the file at <paramref name="target"/> (the previous target is removed first); <paramref name="source"/> is gone afterwards.</summary>
        void Replace(string source, string target);
    }
}
