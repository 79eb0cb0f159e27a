using System.Collections.Generic;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Engine
{
    /// <summary>A slice of the fault campaign on every test run: random ROMs, MTUs, images and fault plans, seeded, judged by what the wire recorded.</summary>
    public class FaultCampaignTests
    {
        private const int Seeds = 200;

        [Theory]
        [InlineData("dotnet")]
        [InlineData("device")]
        public void Campaign_FirstSeeds_NoWrongImageNoEscapeNoUnexplainedFailure(string mode)
        {
            List<string> wrong = new List<string>();
            FaultCampaign.Totals totals = new FaultCampaign.Totals();
            for (int seed = 1; seed <= Seeds; seed++)
            {
                FaultCampaign.Outcome o = FaultCampaign.One(seed, false, mode);
                totals.Add(o);
                if (o.Problem != null || o.CrcEscape)
                {
                    wrong.Add("seed " + seed + ": " + o.Describe());
                }
            }

            Assert.True(wrong.Count == 0, "replay with: dotnet run -c Release --project tools/McuUpdater.Bench -- replay SEED --mode " + mode + "\n" + string.Join("\n", wrong));
            Assert.Equal(0, totals.Escapes);
            Assert.Equal(0, totals.Hangs + totals.Exceptions);

            // The slice must exercise both ends: most runs succeed, some fail as their faults demand.
            Assert.InRange(totals.Succeeded, Seeds * 3 / 4, Seeds);
            Assert.InRange(totals.Excused, 1, Seeds / 3);
        }
    }
}
