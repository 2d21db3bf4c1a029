import sys
kinds = [
 ("double", "x*y + {c}*x*y*z", "double x, double y, double z", "", "x*y + {c}*x*y*z"),
 ("float", "x*y + {c}*x*y*z", "float x, float y, float z", "", "x*y + {c}f*x*y*z"),
 ("double", "a*b*c*d*e*f*g*h + {c}*a*b", "double a, double b, double c, double d, double e, double f, double g, double h", "", "a*b*c*d*e*f*g*h + {c}*a*b"),
 ("double", "0.5*(x^2 + y^2 + z^2) + {c}*(x^4 + y^4 + z^4) - 0.3*x*y*z", "double x, double y, double z", ", InputBound = 2", "0.5*(x*x + y*y + z*z) + {c}*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3*x*y*z"),
 ("float", "0.5*(x^2 + y^2 + z^2) + {c}*(x^4 + y^4 + z^4) - 0.3*x*y*z", "float x, float y, float z", ", InputBound = 2", "0.5f*(x*x + y*y + z*z) + {c}f*(x*x*x*x + y*y*y*y + z*z*z*z) - 0.3f*x*y*z"),
 ("double", "-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - {c}*s1", "[Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6", "", "-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s1 - {c}*s1"),
 ("double", "2*a*b*c - 3*b*c*d + a*d*e + {c}*a*b - c", "bool a, bool b, bool c, bool d, bool e", "", "(a && b ? {c} : 0) + (c ? -1 : 0) + (a && b && c ? 2 : 0) - (b && c && d ? 3 : 0) + (a && d && e ? 1 : 0)"),
 ("double", "a*b*c*d*e*f + {c}*a*b", "double a, double b, double c, double d, double e, double f", ", MaxHiddenLayers = 2", "a*b*c*d*e*f + {c}*a*b"),
 ("double", "u^7 - {c}*u^2*v + v^3", "double u, double v", "", "u*u*u*u*u*u*u - {c}*u*u*v + v*v*v"),
 ("double", "x*s1*s2 + {c}*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", "double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2", ", InputBound = 2", "x*s1*s2 + (a ? {c}*y : 0) + x*y*s1 - (b ? 0.3*x*x : 0) + (a && b ? s2 : 0) + 0.7*x - s1"),
]
hand = sys.argv[1] == "hand"
out = ["// 60 Hamiltonians: six variations of each of ten kinds (see README.md beside this file).", "using PolyNet;", "", "namespace BuildTime;", "", "public static partial class Sixty", "{"]
for i in range(60):
    ret, expr, params, opts, body = kinds[i % 10]
    c = ["0.25", "0.5", "0.75", "1.5", "2.5", "3"][i // 10]
    if hand:
        p = params.replace("[Spin] ", "")
        out.append(f"    public static {ret} H{i}({p}) => ({ret})({body.format(c=c)});")
    else:
        out.append(f"    [Hamiltonian(\"{expr.format(c=c)}\"{opts})]")
        out.append(f"    public static partial {ret} H{i}({params});")
    out.append("")
out[-1] = "}"
print("\n".join(out))
