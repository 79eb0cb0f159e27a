namespace McuUpdater.Timing
{
    /// <summary>A clock that models the device's CPU: charges the time of block work in virtual time (a real clock needs none; the work takes what it takes).</summary>
    public interface ICpuModel
    {
        /// <summary>Charges the time reading <paramref name="bytes"/> bytes of a block from the image and sealing its frame (CRC) takes on the modelled device.</summary>
        void ChargeBlockWork(int bytes);
    }
}
