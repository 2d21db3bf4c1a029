namespace PolyNet.Cli;

/// <summary>What <c>polynet</c> returns.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the report was printed or the files were written.</summary>
    public const int Success = 0;

    /// <summary>The expression has an error (a PNET diagnostic), or a file could not be written.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: an unknown option, a missing argument, a bad option value.</summary>
    public const int Usage = 2;
}
