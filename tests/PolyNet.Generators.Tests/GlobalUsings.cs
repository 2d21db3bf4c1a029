// The generator's stages, one namespace each (Shared → Parse → Polynomial → Planning → Network → Compiler → Spec → Emit → Syntax).
global using PolyNet.Generators.Compiler;
global using PolyNet.Generators.Emit;
global using PolyNet.Generators.Network;
global using PolyNet.Generators.Network.Flat;
global using PolyNet.Generators.Parse;
global using PolyNet.Generators.Planning;
global using PolyNet.Generators.Polynomials;
global using PolyNet.Generators.Shared;
global using PolyNet.Generators.Spec;
global using PolyNet.Generators.Syntax;
