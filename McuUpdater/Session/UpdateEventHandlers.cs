namespace McuUpdater.Session
{
    // The delegates of UpdateEvents, kept together because each is one line. They carry plain values
    // (no EventArgs object) so raising progress once per frame allocates nothing on the device.

    /// <summary>The update entered <paramref name="phase"/>.</summary>
    public delegate void PhaseChangedHandler(object sender, UpdatePhase phase);

    /// <summary>Blocks accepted so far: <paramref name="bytesDone"/> of <paramref name="bytesTotal"/> image bytes.</summary>
    public delegate void ProgressHandler(object sender, long bytesDone, long bytesTotal, int blocksDone, int blocksTotal);

    /// <summary>Frame <paramref name="sequence"/> (-1 for BEGIN/END/RUN) is about to be sent for the <paramref name="send"/>th time.</summary>
    public delegate void ResendHandler(object sender, ResendReason reason, int sequence, int send);

    /// <summary>The module is power-cycled again; <paramref name="count"/> counts restarts (or sync attempts for <see cref="RestartReason.SyncMissed"/>).</summary>
    public delegate void RestartHandler(object sender, RestartReason reason, int count, string detail);

    /// <summary>A line of diagnostic text (allocates: never raised per frame).</summary>
    public delegate void TraceHandler(object sender, string message);
}
