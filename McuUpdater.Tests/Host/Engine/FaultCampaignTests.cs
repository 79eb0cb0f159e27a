using System.Collections.Generic;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Engine
{
    /// <summary>A slice of the fault campaign on every test run: random ROMs, MTUs, images and fault plans, seeded, judged by what the wire recorded.</summary>
    public class FaultCampaignTests
    {
        [Fact]
        public void Campaign_FirstFourHundredSeeds_NoWrongImageNoEscapeNoUnexplainedFailure()
        {
            List<string> wrong = new List<string>();
            FaultCampaign.Totals totals = new FaultCampaign.Totals();
            for (int seed = 1; seed <= 400; seed++)
            {
                FaultCampaign.Outcome o = FaultCampaign.One(seed);
                totals.Add(o);
                if (o.Problem != null || o.CrcEscape)
                {
                    wrong.Add("seed " + seed + ": " + o.Describe());
                }
            }

            Assert.True(wrong.Count == 0, "replay with: dotnet run -c Release --project tools/McuUpdater.Bench -- replay SEED\n" + string.Join("\n", wrong));
            Assert.Equal(0, totals.Escapes);
            Assert.Equal(0, totals.Hangs + totals.Exceptions);

            // The slice must exercise both ends: most runs succeed, some fail as their faults demand.
            Assert.InRange(totals.Succeeded, 250, 400);
            Assert.InRange(totals.Excused, 1, 150);
        }
    }
}
