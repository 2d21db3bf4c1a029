using System;
using System.Threading;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Syntax;

/// <summary>The generator's own step: spec → generated file, through the stages when the method's shape allows.</summary>
internal static class SpecCompiler
{
    public static CompiledHamiltonian? Compile(HamiltonianSpec spec, CancellationToken cancellationToken) =>
        spec.IsCompilable ? HamiltonianCompiler.Compile(spec.Input, cancellationToken) : null;

    /// <summary>Never throws (except for cancellation): an unexpected failure still yields a body that reports it.</summary>
    public static GeneratedFile Generate(HamiltonianSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return new GeneratedFile(spec.HintName, HamiltonianEmitter.Emit(spec, Compile(spec, cancellationToken)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = spec with { ShapeError = $"PolyNet internal error ({exception.GetType().Name}: {exception.Message}); please report this expression" };
            return new GeneratedFile(spec.HintName, HamiltonianEmitter.Emit(failed, null));
        }
    }
}
