using System;

namespace PolyNet.Cli;

/// <summary>The <c>polynet</c> command's entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return PolyNetCommand.Run(args, Console.Out, Console.Error);
    }
}
