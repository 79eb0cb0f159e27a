using System.Collections;
using McuUpdater.Application;

namespace McuUpdater.Tests.Application
{
    /// <summary>A results log in RAM.</summary>
    public sealed class MemoryResultsLog : IResultsLog
    {
        /// <summary>Lines appended, in order.</summary>
        public readonly ArrayList Lines = new ArrayList();

        public void Append(string line)
        {
            Lines.Add(line);
        }

        /// <summary>The line for <paramref name="slot"/> in <paramref name="round"/>, or null.</summary>
        public string Find(int round, string slot)
        {
            string prefix = round.ToString() + "," + slot + ",";
            for (int i = 0; i < Lines.Count; i++)
            {
                string line = (string)Lines[i];
                if (line.IndexOf(prefix) == 0)
                {
                    return line;
                }
            }

            return null;
        }
    }
}
