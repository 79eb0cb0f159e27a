using System.Collections.Generic;
using McuUpdater.Session;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Engine
{
    /// <summary>A slice of the fault campaign on every test run: random ROMs, MTUs, images and fault plans, seeded.</summary>
    public class FaultCampaignTests
    {
        [Fact]
        public void Campaign_FirstFourHundredSeeds_EndRightOrFailOnlyWhereTheirFaultsDemand()
        {
            List<string> wrong = new List<string>();
            int succeeded = 0;
            int failed = 0;
            for (int seed = 1; seed <= 400; seed++)
            {
                FaultCampaign.Outcome o = FaultCampaign.One(seed);
                if (o.Problem != null)
                {
                    wrong.Add("seed " + seed + ": " + o.Problem + " | " + o.Plan + " | " + OutcomeNames.Name(o.Result.Outcome) + ": " + o.Result.Detail);
                }
                else if (o.Result.Outcome == UpdateOutcome.Success)
                {
                    succeeded++;
                }
                else
                {
                    failed++;
                }
            }

            Assert.True(wrong.Count == 0, "replay with: dotnet run -c Release --project tools/McuUpdater.Bench -- replay SEED\n" + string.Join("\n", wrong));
            Assert.InRange(succeeded, 280, 400);
            Assert.InRange(failed, 1, 120);
        }
    }
}
