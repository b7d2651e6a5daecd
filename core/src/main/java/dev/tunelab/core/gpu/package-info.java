/**
 * GPUs: what a training job asks for ({@link dev.tunelab.core.gpu.GpuRequest}), what this host
 * has ({@link dev.tunelab.core.gpu.GpuHost}: the CUDA devices found at start, whether the loaded
 * XGBoost native library was built with CUDA, and the documented CPU fallback), and the devices
 * a tuning job's training jobs share ({@link dev.tunelab.core.gpu.GpuSlots}: never more GPU jobs
 * at once than GPUs, each on its own device).
 */
package dev.tunelab.core.gpu;
