namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>A source file: repository-relative path and text.</summary>
    public sealed class SourceFile
    {
        /// <summary>Creates a file.</summary>
        public SourceFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        /// <summary>Repository-relative path, used in failure lines.</summary>
        public string Path { get; }

        /// <summary>The C# text.</summary>
        public string Text { get; }
    }
}
