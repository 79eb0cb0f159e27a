using McuUpdater.Protocol;

namespace McuUpdater.Relay
{
    /// <summary>
    /// Observer of a running relay (progress, LEDs, logs). It sees decoded copies, never the bytes
    /// being forwarded, so it cannot change what crosses the relay.
    /// </summary>
    /// <remarks>
    /// Called on the relay's pump threads (one per direction, so two calls can overlap): return
    /// within a millisecond or so, allocate nothing per call, and never block — a slow tap delays
    /// the bytes behind it.
    /// </remarks>
    public interface IRelayTap
    {
        /// <summary>
        /// Whether the relay should decode frames of <paramref name="direction"/> for
        /// <see cref="FrameSeen"/>; asked once when the tap is set. Decoding costs a CRC step per
        /// byte and a decoder buffer (host→module: <see cref="RelayOptions.MaxFrameDataLength"/>):
        /// answer false for a direction whose frames the tap does not look at.
        /// </summary>
        bool WantsFrames(int direction);

        /// <summary><paramref name="count"/> bytes were forwarded in <paramref name="direction"/> (<see cref="RelayDirection"/>).</summary>
        void BytesRelayed(int direction, int count);

        /// <summary>
        /// A well-formed frame (good CRC) passed in <paramref name="direction"/> (only for a direction
        /// <see cref="WantsFrames"/> asked for). The decoder's
        /// <see cref="FrameDecoder.Type"/>, <see cref="FrameDecoder.Length"/> and data are valid only
        /// during this call.
        /// </summary>
        void FrameSeen(int direction, FrameDecoder frame);

        /// <summary>The relay switched the module's power: false = off (a power cycle began), true = on.</summary>
        void PowerChanged(bool on);

        /// <summary>A flashing session began (true: first sync byte after idle) or ended (false: released to normal power).</summary>
        void SessionChanged(bool active);
    }
}
