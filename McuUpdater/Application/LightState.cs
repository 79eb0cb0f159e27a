namespace McuUpdater.Application
{
    /// <summary>What a status LED shows: a slot's (or the board's) state, the same on every board.</summary>
    public enum LightState
    {
        /// <summary>Dark: nothing is happening (a bench slot between rounds before its first one).</summary>
        Idle = 0,

        /// <summary>Lit, flickering with every frame the module accepts: an update is running.</summary>
        Busy = 1,

        /// <summary>Steadily lit: the last update succeeded, or the board is ready (relay running, bench waiting for the button).</summary>
        Ok = 2,

        /// <summary>Blinking a code (<see cref="BlinkCodes"/>): the last update failed, or the board stopped.</summary>
        Failed = 3,
    }
}
