using System.Collections;
using McuUpdater.Application;

namespace McuUpdater.Tests.Application
{
    /// <summary>A results log in RAM.</summary>
    public sealed class MemoryResultsLog : IResultsLog
    {
        /// <summary>Lines appended, in order.</summary>
        public readonly ArrayList Lines = new ArrayList();

        /// <summary>Set to make every Open or Append fail like a pulled card.</summary>
        public bool Broken;

        public int Open()
        {
            if (Broken)
            {
                throw new System.IO.IOException("results log in RAM cannot be written");
            }

            int last = 0;
            for (int i = 0; i < Lines.Count; i++)
            {
                string line = (string)Lines[i];
                int round = int.Parse(line.Substring(0, line.IndexOf(',')));
                if (round > last)
                {
                    last = round;
                }
            }

            return last;
        }

        public void Append(string line)
        {
            if (Broken)
            {
                throw new System.IO.IOException("results log in RAM: a line was not written");
            }

            Lines.Add(line);
        }

        /// <summary>The line for <paramref name="slot"/> in <paramref name="round"/>, or null.</summary>
        public string Find(int round, string slot)
        {
            // round,utc,slot,...
            for (int i = 0; i < Lines.Count; i++)
            {
                string line = (string)Lines[i];
                string[] fields = line.Split(new char[] { ',' });
                if (fields.Length > 2 && fields[0] == round.ToString() && fields[2] == slot)
                {
                    return line;
                }
            }

            return null;
        }
    }
}
