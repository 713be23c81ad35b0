import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { config } from "./app/config";
import "./styles.css";

document.documentElement.lang = config.language === "zh" ? "zh-CN" : "en";
document.documentElement.style.setProperty("--primary", config.primaryColor);

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
