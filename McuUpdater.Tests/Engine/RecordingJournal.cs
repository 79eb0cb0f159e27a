using System.Collections;
using McuUpdater.Storage;

namespace McuUpdater.Tests.Engine
{
    /// <summary>A journal that only records what the session tells it, and how many power calls had been made by then.</summary>
    public sealed class RecordingJournal : IUpdateJournal
    {
        private readonly CountingPower _power;

        /// <summary>Records against <paramref name="power"/>'s call count.</summary>
        public RecordingJournal(CountingPower power)
        {
            _power = power;
        }

        /// <summary>"pending@N", "failure:V@N", "done:V@N" in order (N = power calls so far, V = outcome value).</summary>
        public readonly ArrayList Calls = new ArrayList();

        public string Location
        {
            get { return "recording"; }
        }

        public void MarkPending(string imageName, long imageLength, string imageVersion, int imageCrc)
        {
            Calls.Add("pending@" + _power.Calls.ToString());
        }

        public void RecordFailure(int outcome)
        {
            Calls.Add("failure:" + outcome.ToString() + "@" + _power.Calls.ToString());
        }

        public void MarkDone(int outcome)
        {
            Calls.Add("done:" + outcome.ToString() + "@" + _power.Calls.ToString());
        }
    }
}
