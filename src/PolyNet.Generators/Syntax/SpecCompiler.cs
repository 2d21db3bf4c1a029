using System;
using System.Linq;
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

    public static CompiledClassifier? Compile(ClassifierSpec spec, CancellationToken cancellationToken) =>
        spec.IsCompilable ? ClassifierCompiler.Compile(spec.CategoryInputs, spec.Categories.Select(c => c.Prior).ToList(), spec.Precision!.Value, cancellationToken) : null;

    /// <summary>A classifier's file; like <see cref="Generate(HamiltonianSpec, CancellationToken)"/>, never throws.</summary>
    public static GeneratedFile Generate(ClassifierSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return new GeneratedFile(spec.HintName, ClassifierEmitter.Emit(spec, Compile(spec, cancellationToken)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = spec with { ShapeError = $"PolyNet internal error ({exception.GetType().Name}: {exception.Message}); please report this classifier" };
            return new GeneratedFile(spec.HintName, ClassifierEmitter.Emit(failed, null));
        }
    }

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
