// Element type of the low-resolution activation buffers (layout: gpu/ActivationLayout.java).
// ACT_F16: fp16 storage for the cooperative-matrix path; otherwise fp32 for the scalar path, which must also run on
// devices without 16-bit storage.
#ifdef ACT_F16
#extension GL_EXT_shader_16bit_storage : require
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
#define ACT_T float16_t
#else
#define ACT_T float
#endif
